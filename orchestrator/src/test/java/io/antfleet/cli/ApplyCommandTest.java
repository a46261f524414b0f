package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.settings.Settings;
import io.antfleet.config.settings.SettingsResolver;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.FakeFleet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final FakeFleet fleet = new FakeFleet();

    private int run(String... args) {
        ApplyService service = fleet.service();
        java.util.function.Function<GlobalOptions, List<Module>> modules = options -> List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(ApplyService.class).toInstance(service);
                bind(Settings.class).toInstance(new SettingsResolver().resolve(Map.of(), Map.of(), Optional.empty(), Map.of()));
                bind(SpecLoader.class).toInstance(new SpecLoader());
            }
        });
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
    void applyRunsThePlanAndASecondApplyFindsNoChanges() throws IOException {
        fleet.antctl("home-alpha");
        Path file = spec(QUICKSTART);

        assertThat(run("apply", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("alpha: done (create-container", "add-nodes [antnode1, antnode2, antnode3]", "Apply complete.");
        out.reset();

        assertThat(run("apply", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).isEqualTo("No changes. The fleet matches the spec.\n");
    }

    @Test
    void aContainerThatFailsMakesApplyExitOneWithItsErrorInJson() throws IOException {
        fleet.antctl("home-alpha").failNext("add", new io.antfleet.docker.ExecResult(1, "", "Error: \n   0: disk full\n"));

        int code = run("--output", "json", "apply", spec(QUICKSTART).toString());

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(stdout()).contains("\"ok\" : false", "add-nodes failed").doesNotContain("apply: ");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout()).isObject()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("apply: 2 step(s) in 1 container(s)\n",
                "apply: alpha: add-nodes antnode1,antnode2,antnode3 FAILED (1/2)\n");
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
        assertThat(fleet.observations).hasValue(0);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aUserModeSpecIsRefusedBeforeAnyContainerIsCreated() throws IOException {
        Path file = spec(QUICKSTART.replace("processManager: antctl+sudo", "processManager: antctl+user"));

        int code = run("apply", file.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":4:", "antctl+user is not supported",
                "OpenRC", "use antctl+sudo");
        assertThat(fleet.docker.listByLabels(java.util.Map.of())).isEmpty();
        assertThat(fleet.observations).hasValue(0);
    }

    @Test
    void anotherOrchestratorHoldingTheLeaseMakesApplyExitThree() throws IOException {
        fleet.lease.tryAcquire("someone else", java.time.Duration.ofMinutes(1));

        assertThat(run("apply", spec(QUICKSTART).toString())).isEqualTo(ExitCodes.LEASE_HELD);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds the database lease");
    }

    @Test
    void aMissingSpecFileIsAUsageError() {
        assertThat(run("apply", dir.resolve("none.yaml").toString(), "--dry-run")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.yaml:1:1: cannot read the spec");
    }
}
