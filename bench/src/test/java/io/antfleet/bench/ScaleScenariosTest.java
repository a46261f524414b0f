package io.antfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleScenariosTest {
    @Test
    void theScalingStepsAreAFifthHalfAndAllOfTheContainers() {
        assertThat(ScaleScenarios.steps(100)).containsExactly(20, 50, 100);
        assertThat(ScaleScenarios.steps(10)).containsExactly(2, 5, 10);
        assertThat(ScaleScenarios.steps(2)).containsExactly(1, 2);
        assertThat(ScaleScenarios.steps(1)).containsExactly(1);
    }

    @Test
    void theScaleFleetsPortBlocksGrowWithItsNodesAndDoNotOverlap() {
        BenchSettings fleet = new BenchSettings(List.of(), 100, 50, 33000, "img");
        assertThat(fleet.block()).isEqualTo(5000);
        assertThat(fleet.nodePort(99) + 49).isEqualTo(37999);
        assertThat(fleet.metricsPort(0)).isEqualTo(38000);
        assertThat(fleet.rpcPort(99) + 49).isEqualTo(47999);
        assertThat(ScaleScenarios.hostCheck(fleet)).contains("ports 33000-47999");
    }

    @Test
    void theHostCheckSaysWhetherOutgoingConnectionsCanTakeTheFleetsPorts() {
        BenchSettings low = new BenchSettings(List.of(), 100, 50, 15000, "img");
        BenchSettings high = new BenchSettings(List.of(), 100, 50, 33000, "img");
        int[] linux = {32768, 60999};

        assertThat(ScaleScenarios.hostCheck(low, linux, "none", 32768))
                .contains("ports 15000-29999 outside the ephemeral range 32768-60999", "kernel.pid_max 32768");
        assertThat(ScaleScenarios.hostCheck(high, linux, "32768-60999", 32768))
                .contains("inside the ephemeral range 32768-60999: safe only where reserved (reserved: 32768-60999");
        assertThat(ScaleScenarios.hostCheck(high, new int[] {61000, 65535}, "32768-60999", 32768)).contains("outside");
    }

    @Test
    void theOrdinaryFleetKeepsItsBlocksOfAThousand() {
        BenchSettings fleet = new BenchSettings(List.of(), 20, 50, 50000, "img");
        assertThat(fleet.metricsPort(0)).isEqualTo(51000);
        assertThat(fleet.rpcPort(19) + 49).isEqualTo(52999);
    }

    @Test
    void aScaleFleetOverFiveThousandNodesOrOffTheTopOfThePortsIsRefused() {
        assertThatThrownBy(() -> new ScaleScenarios.Size(101, 50, 33000)).hasMessageContaining("1..5000");
        assertThatThrownBy(() -> new BenchSettings(List.of(), 100, 50, 55000, "img"))
                .hasMessageContaining("no room for 3 blocks of 5000");
    }

    @Test
    void aGroupOfThreadsIsTheirNameWithoutItsNumberOrPath() {
        assertThat(ThreadCpu.group("antfleet-sweep-12")).isEqualTo("antfleet-sweep");
        assertThat(ThreadCpu.group("MVStore background writer /tmp/x/antfleet.mv.db")).isEqualTo("MVStore background writer");
        assertThat(ThreadCpu.describe(Map.of("main", 100_000_000L, "antfleet-sweep", 300_000_000L, "tiny", 1_000_000L), 2,
                300_000_000L)).isEqualTo("antfleet-sweep 0.150, main 0.050, other threads 0.001, GC and JVM 0.100");
    }
}
