package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.FakeFleet;
import io.antfleet.engine.report.ReportService;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.store.MachineSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportCommandTest {
    private final FakeFleet fleet = new FakeFleet();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> settings = new TreeMap<>(Map.of("node_cap", "50", "start_args", "--no-upnp"));

    @BeforeEach
    void applyThreeNodes() {
        fleet.antctl("home-alpha");
        fleet.service().apply(new SpecLoader().parse("f.yaml", ApplyCommandTest.QUICKSTART), false);
    }

    private int run(String... args) {
        ReportService service = new ReportService(fleet.store.containers, fleet.store.nodes, new MapSettings(settings),
                () -> HostSample.idle().withCpu(25), Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC));
        Function<GlobalOptions, List<Module>> modules = options -> List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(ReportService.class).toInstance(service);
            }
        });
        return Main.run(modules, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nodeStatusListsTheRecordedNodesOfEveryContainer() {
        assertThat(run("report", "node-status")).isEqualTo(ExitCodes.OK);

        assertThat(stdout().lines()).hasSize(4).element(1).asString().startsWith("home-alpha").contains("antnode1", "RUNNING");
    }

    @Test
    void aContainerOfTheSameNameOnAnotherHostIsNamedWithItsHost() {
        fleet.antctl("far", "home-alpha");
        fleet.service().apply(new SpecLoader().parse("f.yaml", ApplyCommandTest.QUICKSTART.replace("containers:",
                "hosts:\n  - {name: far, docker: 'unix:///run/far.sock'}\ncontainers:").replace("- name: alpha",
                "- name: alpha\n    host: far")), false);

        assertThat(run("report", "node-status", "--container", "alpha")).isEqualTo(ExitCodes.OK);

        assertThat(stdout().lines().skip(1).filter(l -> l.contains("antnode1")).map(l -> l.split(" +")[0]))
                .containsExactly("home-alpha", "far/home-alpha");
    }

    @Test
    void outputJsonPicksJsonWhenNoFormatIsGivenAndAServiceNarrowsTheRows() {
        assertThat(run("--output", "json", "report", "node-status", "--container", "alpha", "--service", "antnode2"))
                .isEqualTo(ExitCodes.OK);

        assertThat(stdout()).startsWith("{\n").contains("\"service_name\": \"antnode2\"").doesNotContain("antnode1");
    }

    @Test
    void machineConfigAsEnvQuotesWnmsQuotedSettings() {
        assertThat(run("report", "machine-config", "--format", "env")).isEqualTo(ExitCodes.OK);

        assertThat(stdout()).isEqualTo("NODE_CAP=50\nSTART_ARGS=\"--no-upnp\"\n");
    }

    @Test
    void machineMetricsCountsTheNodesAndShowsTheHostSample() {
        assertThat(run("report", "machine-metrics", "--format", "config")).isEqualTo(ExitCodes.OK);

        assertThat(stdout()).contains("total_nodes=3\n", "running_nodes=3\n", "used_cpu_percent=25.0\n");
    }

    @Test
    void influxResourcesWritesALinePerNodeThenTotals() {
        assertThat(run("report", "influx-resources")).isEqualTo(ExitCodes.OK);

        assertThat(stdout().lines()).hasSize(5).last().asString().startsWith("nodes_network size=0i ");
    }

    @Test
    void unknownReportsFormatsAndUnsupportedCombinationsAreUsageErrors() {
        assertThat(run("report", "node-gossip")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("report", "node-status", "--format", "yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("report", "node-status", "--format", "env")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("report", "node-status", "--container", "nowhere")).isEqualTo(ExitCodes.FAILURE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown report 'node-gossip'", "unknown report format 'yaml'",
                "node-status is written as text or json, not env", "no recorded container named 'nowhere'");
    }

    /** Settings over a map: the report only reads them. */
    private static final class MapSettings implements MachineSettings {
        private final Map<String, String> values;

        MapSettings(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public Map<String, String> all() {
            return new TreeMap<>(values);
        }

        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }

        @Override
        public void put(String name, String value) {
            values.put(name, value);
        }

        @Override
        public Duration readingRetention() {
            return Duration.ofDays(7);
        }
    }

    @Test
    void reportTakesOutputLikeEveryCommandWithFormatKeptAsAnAlias() {
        for (String[] args : List.of(new String[] {"report", "machine-config", "--output", "env"},
                new String[] {"report", "machine-config", "-o", "env"}, new String[] {"report", "machine-config", "--format", "env"})) {
            out.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.OK);
            assertThat(out.toString(StandardCharsets.UTF_8)).as(String.join(" ", args)).contains("=").doesNotContain("{");
        }
        out.reset();
        assertThat(run("--output", "json", "report", "machine-config")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{");
    }
}
