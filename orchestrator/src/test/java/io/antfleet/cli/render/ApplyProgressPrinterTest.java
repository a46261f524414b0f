package io.antfleet.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.FakeFleet;
import io.antfleet.fleet.spec.FleetSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ApplyProgressPrinterTest {
    private final FakeFleet fleet = new FakeFleet();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutATerminalEachStepIsAPlainLogLine() {
        fleet.antctl("home-alpha");
        try (ApplyProgressPrinter progress = new ApplyProgressPrinter(new PrintWriter(err), false)) {
            fleet.service().apply(quickstart(), false, progress);
        }

        assertThat(err.toString().lines()).containsExactly(
                "apply: 2 step(s) in 1 container(s)",
                "apply: alpha: create-container ...",
                "apply: alpha: create-container done (1/2)",
                "apply: alpha: add-nodes antnode1,antnode2,antnode3 ...",
                "apply: alpha: add-nodes antnode1,antnode2,antnode3 done (2/2)");
    }

    @Test
    void onATerminalOneLineIsRedrawnWithTheOverallBarAndEachContainerThenEnded() {
        fleet.antctl("home-alpha");
        ApplyProgressPrinter progress = new ApplyProgressPrinter(new PrintWriter(err), true);
        fleet.service().apply(quickstart(), false, progress);
        progress.close();

        assertThat(progress.line()).isEqualTo("[####################] 2/2  alpha 2/2 ✓");
        assertThat(err.toString()).startsWith("\r[--------------------] 0/2  alpha 0/2\u001b[K")
                .contains("\r[##########----------] 1/2  alpha 1/2\u001b[K")
                .endsWith("\r[####################] 2/2  alpha 2/2 ✓\u001b[K\n")
                .doesNotContain("apply: ");
    }

    @Test
    void aFailedContainerIsMarked() {
        fleet.antctl("home-alpha").failNext("add", new io.antfleet.docker.ExecResult(1, "", "Error: \n   0: disk full\n"));
        ApplyProgressPrinter progress = new ApplyProgressPrinter(new PrintWriter(err), true);

        fleet.service().apply(quickstart(), false, progress);

        assertThat(progress.line()).isEqualTo("[##########----------] 1/2  alpha 1/2 ✗");
    }

    @Test
    void anEmptyPlanDrawsNothing() {
        fleet.antctl("home-alpha");
        fleet.service().apply(quickstart(), false);
        try (ApplyProgressPrinter progress = new ApplyProgressPrinter(new PrintWriter(err), true)) {
            fleet.service().apply(quickstart(), false, progress);
        }

        assertThat(err.toString()).isEmpty();
    }

    private static FleetSpec quickstart() {
        return new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo",
                "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'", "containers:", "  - name: alpha", "    nodes: 3", ""));
    }
}
