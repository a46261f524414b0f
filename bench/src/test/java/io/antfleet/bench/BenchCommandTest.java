package io.antfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bench}'s command line as the launcher passes it to the bench jar: antfleet's global options on
 * either side of {@code bench}, and the JSON fields scripts read. Only the {@code memory} scenario runs
 * (no container: it reads this JVM's peak RSS), on the bench's throw-away embedded database.
 */
class BenchCommandTest {
    private static final List<String> FIELDS =
            List.of("name", "antfleetSeconds", "floorSeconds", "ratio", "target", "met", "measured", "cpuSeconds",
                    "peakRssMb");

    private record Run(int exit, String out, String err) {
    }

    private static Run bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(new BenchCommand()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertJsonScenarios(Run run) throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode scenarios = new ObjectMapper().readTree(run.out()).get("scenarios");
        assertThat(scenarios).hasSize(1);
        List<String> fields = new ArrayList<>();
        scenarios.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(scenarios.get(0).get("name").asText()).isEqualTo("memory");
        assertThat(scenarios.get(0).get("measured").asText()).startsWith("peak RSS of the antfleet JVM");
        assertThat(scenarios.get(0).get("peakRssMb").asDouble()).isPositive();
        assertThat(scenarios.get(0).get("cpuSeconds").isNull()).isTrue();
    }

    @Test
    void outputJsonBeforeBenchPrintsEachScenarioWithTheNineFields() throws Exception {
        assertJsonScenarios(bench("--output", "json", "bench", "--scenarios", "memory"));
    }

    @Test
    void outputJsonAfterBenchWorksAsForAnyCommand() throws Exception {
        assertJsonScenarios(bench("bench", "-o", "json", "--scenarios", "memory"));
    }

    @Test
    void withoutOutputTheResultIsATable() {
        Run run = bench("bench", "--scenarios", "memory");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("SCENARIO").contains("memory");
    }

    @Test
    void anUnknownScenarioIsRefusedNamingTheKnownOnes() {
        Run run = bench("bench", "--scenarios", "nope");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("unknown bench scenario 'nope'",
                "converge, import, sweep, sweep-faulty, idle-cycle, memory, scale, converge-ant, idle-cycle-ant, scaling");
    }

    @Test
    void theProductionCommandLineDoesNotKnowBench() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "bench", "--scenarios", "memory");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bench");
    }
}
