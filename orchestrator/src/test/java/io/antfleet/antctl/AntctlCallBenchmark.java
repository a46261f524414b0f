package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.StandInContainers;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one antctl call through docker exec costs against the stand-in (antctl in a JVM): survey latency
 * with 20 nodes in the registry. Run on purpose: mvn -B -Pbenchmark -pl orchestrator -am verify
 * -Dtest=AntctlCallBenchmark. Ports 31900-33999 (node 319xx, metrics 329xx, rpc 339xx).
 */
@Tag("benchmark")
class AntctlCallBenchmark {
    private static final int CALLS = 30;

    @Test
    void surveyLatencyThroughDockerExec() {
        try (StandInContainers fixture = new StandInContainers()) {
            ContainerInfo c = fixture.start("bench", Map.of());
            AntctlManager m = new AntctlManagerFactory(fixture.docker(), AntctlSettings.defaults(),
                    new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))).forContainer(c.id(), c.name(),
                    ProcessManager.ANTCTL_SUDO);
            m.create(new AddRequest(20, null, null, null, null, new PortRange(31900, 31919), new PortRange(32900, 32919),
                    new PortRange(33900, 33919), true, new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124"),
                    List.of(), List.of(), EvmNetwork.ARBITRUM_ONE));
            long[] millis = new long[CALLS];
            for (int i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                assertThat(m.survey()).hasSize(20);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("antctl status --json via docker exec, 20 nodes, %d calls: median %d ms, p90 %d ms, max %d ms%n",
                    CALLS, millis[CALLS / 2], millis[CALLS * 9 / 10], millis[CALLS - 1]);
        }
    }
}
