package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The documented fault injection (agent-image/README.md). Ports 23000-23999. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultInjectionIT extends ContractTestBase {
    private static final String FAULTS = "/etc/antctl-standin/faults";

    @Override
    String containerName() {
        return "faults";
    }

    @Test
    void scriptedExitCodeAndMessageReplaceTheCommand() {
        agent.writeFile(FAULTS, "add exit=1 message=No space left on device\n");

        StandinContainer.Exec r = agent.add(ROOT, "--node-port", "23001");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("No space left on device");
        agent.writeFile(FAULTS, "");
        assertThat(agent.nodes(ROOT)).isEmpty();
    }

    @Test
    void limitedFaultFailsOnlyTheNextInvocations() {
        agent.writeFile(FAULTS, "add exit=1 times=1 message=transient\n");

        assertThat(agent.add(ROOT, "--node-port", "23011").exit()).isEqualTo(1);
        assertThat(agent.add(ROOT, "--node-port", "23011").exit()).isZero();
    }

    @Test
    void hangDelaysTheCommand() {
        agent.writeFile(FAULTS, "status hang=2\n");
        long start = System.nanoTime();

        StandinContainer.Exec r = agent.antctl(ROOT, "status", "--json");

        assertThat(r.exit()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void truncatedAndMalformedStatusJsonCannotBeParsed() {
        agent.add(ROOT, "--node-port", "23021");

        agent.writeFile(FAULTS, "status json=truncated\n");
        String truncated = agent.antctl(ROOT, "status", "--json").out();
        agent.writeFile(FAULTS, "status json=malformed\n");
        String malformed = agent.antctl(ROOT, "status", "--json").out();

        assertThat(truncated).isNotBlank();
        assertThatThrownBy(() -> Json.parse(truncated)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse(malformed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crashFileKillsTheNodeAndStatusShowsStopped() {
        agent.add(ROOT, "--node-port", "23031", "--metrics-port", "23032", "--rpc-port", "23033");
        agent.antctl(ROOT, "start");

        agent.root("touch", "/var/antctl/services/antnode1/crash");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Stopped"));
        assertThat(agent.root("cat", "/var/log/antnode/antnode1/critical_failure.log").out())
                .contains("Node terminated due to: ");
    }

    @Test
    void stallFileMakesTheMetricsEndpointAcceptButNeverAnswer() throws Exception {
        agent.add(ROOT, "--node-port", "23041", "--metrics-port", "23042", "--rpc-port", "23043");
        agent.antctl(ROOT, "start");
        assertThat(agent.get(23042, "/metrics").statusCode()).isEqualTo(200);

        agent.root("touch", "/var/antctl/services/antnode1/stall-metrics");
        await().atMost(Duration.ofSeconds(10)).until(() -> stalls(23042));

        agent.root("rm", "/var/antctl/services/antnode1/stall-metrics");
        await().atMost(Duration.ofSeconds(10)).until(() -> !stalls(23042));
    }

    /**
     * A sweep that meets a hanging node opens a connection each time and gives up on it; the node must go on
     * hanging, sweep after sweep, not start answering with a closed connection once it holds 64 of them.
     */
    @Test
    void aStalledNodeGoesOnHangingAfterManyAbandonedConnections() throws Exception {
        agent.add(ROOT, "--node-port", "23051", "--metrics-port", "23052", "--rpc-port", "23053");
        agent.antctl(ROOT, "start");
        agent.root("touch", "/var/antctl/services/antnode1/stall-metrics");
        await().atMost(Duration.ofSeconds(10)).until(() -> stalls(23052));

        for (int i = 0; i < 100; i++) {
            assertThat(silentFor(23052, Duration.ofMillis(30))).as("connection %d", i).isTrue();
        }
    }

    /** True when a GET on a fresh connection gets no byte (and no close) within {@code wait}; the connection is then dropped. */
    private static boolean silentFor(int port, Duration wait) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout((int) wait.toMillis());
            try {
                socket.getInputStream().read();
                return false;
            } catch (SocketTimeoutException silent) {
                return true;
            } catch (IOException closed) {
                return false;
            }
        }
    }

    private boolean stalls(int port) throws Exception {
        try {
            agent.get(port, "/metrics");
            return false;
        } catch (HttpTimeoutException e) {
            return true;
        }
    }
}
