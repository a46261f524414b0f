package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.antfleet.config.GlobalOptions;
import io.antfleet.engine.apply.ApplyModule;
import io.antfleet.engine.apply.FleetObserver;
import io.antfleet.fleet.plan.ObservedFleet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {
    static final String QUICKSTART = String.join("\n",
            "apiVersion: antfleet/v1", "fleet: home", "image: antfleet/agent:stand-in", "processManager: antctl+sudo",
            "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'", "containers:", "  - name: alpha", "    nodes: 3", "");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger observations = new AtomicInteger();
    private ObservedFleet observed = ObservedFleet.EMPTY;

    private int run(String... args) {
        FleetObserver fake = fleet -> {
            observations.incrementAndGet();
            return observed;
        };
        java.util.function.Function<GlobalOptions, List<Module>> modules = options -> {
            List<Module> all = new ArrayList<>(Bootstrap.modules(options));
            all.add(new ApplyModule());
            all.add(new AbstractModule() {
                @Override
                protected void configure() {
                    bind(FleetObserver.class).toInstance(fake);
                }
            });
            return all;
        };
        return Main.run(modules, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private Path spec(String text) throws IOException {
        Path file = dir.resolve("fleet.yaml");
        Files.writeString(file, text);
        return file;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunOnAnEmptyHostPrintsTheCreatePlan() throws IOException {
        int code = run("apply", spec(QUICKSTART).toString(), "--dry-run");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("+ container alpha (create home-alpha", "+ alpha: add 3 nodes (antnode1..antnode3)",
                "Plan: 1 to create, 3 to add, 0 to start, 0 to stop, 0 to remove.");
    }

    @Test
    void aDryRunInJsonPrintsTheActionsOnly() throws IOException {
        int code = run("--output", "json", "apply", spec(QUICKSTART).toString(), "--dry-run");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).startsWith("{").contains("\"type\" : \"add-nodes\"", "\"count\" : 3").doesNotContain("Plan:");
    }

    @Test
    void aFleetThatMatchesPrintsNoChanges() throws IOException {
        Path file = spec(QUICKSTART);
        io.antfleet.fleet.spec.FleetSpec parsed = new io.antfleet.config.spec.SpecLoader().load(file);
        io.antfleet.fleet.plan.FleetPlanner planner = new io.antfleet.fleet.plan.FleetPlanner();
        observed = io.antfleet.fleet.plan.PlanSimulatorAccess.apply(ObservedFleet.EMPTY, planner.plan(parsed, ObservedFleet.EMPTY, false));

        assertThat(run("apply", file.toString(), "--dry-run")).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).isEqualTo("No changes. The fleet matches the spec.\n");
    }

    @Test
    void anInvalidSpecExitsTwoWithEveryProblemAndObservesNothing() throws IOException {
        Path file = spec(QUICKSTART.replace("nodes: 3", "nodez: 3").replace("fleet: home", "fleet: 'a b'"));

        int code = run("apply", file.toString(), "--dry-run");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                file + ":2:8: fleet: invalid name 'a b' (1-63 characters: letters, digits, '_', '.', '-', starting with a letter or digit)",
                file + ":7:5: missing required key 'containers[0].nodes'",
                file + ":8:5: unknown key 'nodez' in containers[0] (did you mean 'nodes'?)");
        assertThat(observations).hasValue(0);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aMissingSpecFileIsAUsageError() {
        assertThat(run("apply", dir.resolve("none.yaml").toString(), "--dry-run")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.yaml:1:1: cannot read the spec");
    }
}
