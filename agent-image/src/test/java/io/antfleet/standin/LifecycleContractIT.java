package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** antctl-contract.md sections 3 and 6 (start, stop, remove, upgrade, the node), as root. Ports 21000-21999. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleContractIT extends ContractTestBase {
    @Override
    String containerName() {
        return "lifecycle";
    }

    /** Adds count nodes with node ports base+1.., metrics base+11.., rpc base+21... */
    private void addNodes(int count, int base, String... extra) {
        String range = count == 1 ? "%d" : "%d-%d";
        List<String> flags = new java.util.ArrayList<>(List.of("--count", String.valueOf(count),
                "--node-port", String.format(range, base + 1, base + count),
                "--metrics-port", String.format(range, base + 11, base + 10 + count),
                "--rpc-port", String.format(range, base + 21, base + 20 + count)));
        flags.addAll(List.of(extra));
        StandinContainer.Exec r = agent.add(ROOT, flags.toArray(String[]::new));
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    @Test
    void startBlocksUntilTheNodeHasMoreThanFivePeers() {
        addNodes(2, 21000);

        StandinContainer.Exec r = agent.antctl(ROOT, "start");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Attempting to start antnode1...", "✓ Started antnode1 service", "  - PID: ",
                "✓ Started antnode2 service");
        Map<?, ?> node = agent.node(ROOT, "antnode1");
        assertThat(node.get("status")).isEqualTo("Running");
        assertThat((List<?>) node.get("connected_peers")).hasSizeGreaterThan(5);
        assertThat((String) node.get("peer_id")).startsWith("12D3KooW");
    }

    @Test
    void startWithIntervalDoesNotWaitForPeers() {
        agent.writeFile("/etc/antctl-standin/config", "peer_wait_ms=60000\n");
        addNodes(1, 21030);

        StandinContainer.Exec r = agent.antctl(ROOT, "start", "--interval", "10");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Running");
    }

    @Test
    void startGivesUpAfterTheConnectionTimeoutWithExitOne() {
        agent.writeFile("/etc/antctl-standin/config", "peer_wait_ms=60000\n");
        addNodes(1, 21060);

        StandinContainer.Exec r = agent.antctl(ROOT, "start", "--connection-timeout", "1");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\n✕ antnode1: ");
        assertThat(r.err()).contains("Failed to start one or more services");
    }

    @Test
    void startOfARunningNodeSaysItIsAlreadyRunning() {
        addNodes(1, 21090);
        agent.antctl(ROOT, "start");

        StandinContainer.Exec r = agent.antctl(ROOT, "start", "--service-name", "antnode1");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("The antnode1 service is already running");
    }

    @Test
    void startCollectsPerNodeFailuresAndStillStartsTheOthers() {
        addNodes(2, 21120);
        agent.root("mkdir", "-p", "/var/antctl/services/antnode1");
        agent.root("rm", "-f", "/var/antctl/services/antnode1/antnode");

        StandinContainer.Exec r = agent.antctl(ROOT, "start");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\n✕ antnode1: ", "✓ Started antnode2 service");
        assertThat(agent.node(ROOT, "antnode2").get("status")).isEqualTo("Running");
    }

    @Test
    void stopKeepsThePeerIdAndClearsPidAndConnectedPeers() {
        addNodes(1, 21150);
        agent.antctl(ROOT, "start");
        Object peerId = agent.node(ROOT, "antnode1").get("peer_id");
        Object pid = agent.node(ROOT, "antnode1").get("pid");

        StandinContainer.Exec r = agent.antctl(ROOT, "stop");

        assertThat(r.out()).contains("✓ Service antnode1 with PID " + pid + " was stopped");
        Map<?, ?> node = agent.node(ROOT, "antnode1");
        assertThat(node.get("status")).isEqualTo("Stopped");
        assertThat(node.get("peer_id")).isEqualTo(peerId);
        assertThat(node.get("pid")).isNull();
        assertThat(node.get("connected_peers")).isNull();
        assertThat(agent.antctl(ROOT, "stop").out()).contains("✓ Service antnode1 was already stopped");
    }

    @Test
    void stopOfAnAddedNodeSaysItWasNeverStarted() {
        addNodes(1, 21180);

        StandinContainer.Exec r = agent.antctl(ROOT, "stop");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Service antnode1 has not been started since it was installed");
    }

    @Test
    void removeOfARunningNodeFailsWithExitOneAndRemovesTheOthers() {
        addNodes(2, 21210);
        agent.antctl(ROOT, "start", "--service-name", "antnode1");

        StandinContainer.Exec r = agent.antctl(ROOT, "remove");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\n✕ antnode1: Unable to remove a running service", "✓ Service antnode2 was removed");
        assertThat(agent.node(ROOT, "antnode2").get("status")).isEqualTo("Removed");
        assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Running");
    }

    @Test
    void removeKeepDirectoriesLeavesTheDataDirectory() {
        addNodes(1, 21240);

        agent.antctl(ROOT, "remove", "--keep-directories");

        assertThat(agent.root("test", "-d", "/var/antctl/services/antnode1").exit()).isZero();
        assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Removed");
    }

    @Test
    void aKilledNodeShowsAsStoppedInTheNextStatus() {
        addNodes(1, 21270);
        agent.antctl(ROOT, "start");
        String pid = String.valueOf(agent.node(ROOT, "antnode1").get("pid"));

        agent.root("kill", "-9", pid);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Stopped"));
        assertThat(agent.antctl(ROOT, "start").exit()).isZero();
        assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Running");
    }

    @Test
    void eachNodeIsItsOwnProcessWithAPidFileAndExitsCleanlyOnSigterm() {
        addNodes(2, 21300);
        agent.antctl(ROOT, "start");
        Object pid = agent.node(ROOT, "antnode2").get("pid");

        assertThat(agent.root("cat", "/var/antctl/services/antnode2/antnode.pid").out()).isEqualTo(String.valueOf(pid));
        assertThat(agent.node(ROOT, "antnode1").get("pid")).isNotEqualTo(pid);
        agent.antctl(ROOT, "stop", "--service-name", "antnode2");

        assertThat(agent.root("cat", "/var/log/antnode/antnode2/antnode.log").out())
                .contains("received a termination signal");
    }

    @Test
    void metricsAreOpenMetricsTextOnLoopbackOnly() throws Exception {
        addNodes(1, 21330);
        agent.antctl(ROOT, "start");

        HttpResponse<String> metrics = agent.get(21341, "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .contains("application/openmetrics-text;charset=utf-8;version=1.0.0");
        assertThat(metrics.body()).contains("ant_node_uptime ", "ant_networking_connected_peers ",
                "ant_node_put_record_ok_total{record_type=\"Chunk\"}", "libp2p_", "\\\"").endsWith("# EOF\n");
        // /proc rather than netstat: the production image (Debian minbase) has no net-tools
        assertThat(agent.root("cat", "/proc/net/tcp").out()).contains(listening("0100007F", 21341))
                .doesNotContain(listening("00000000", 21341));
        assertThat(agent.root("cat", "/proc/net/udp").out()).contains(String.format(":%04X ", 21331));
    }

    /** A /proc/net/tcp local address (little-endian hex IPv4, hex port) of a socket in LISTEN state (0A). */
    private static String listening(String address, int port) {
        return String.format("%s:%04X 00000000:0000 0A", address, port);
    }

    @Test
    void metadataCarriesPeerIdAndVersionAndOtherPathsAre404() throws Exception {
        addNodes(1, 21360);
        agent.antctl(ROOT, "start");
        Object peerId = agent.node(ROOT, "antnode1").get("peer_id");

        assertThat(agent.get(21371, "/metadata").body())
                .contains("ant_networking_peer_id_info{peer_id=\"" + peerId + "\"} 1",
                        "ant_node_antnode_version_info{antnode_version=\"0.4.17\"} 1");
        assertThat(agent.get(21371, "/metrics_extended").statusCode()).isEqualTo(200);
        assertThat(agent.get(21371, "/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void uptimeIsLive() {
        addNodes(1, 21390);
        agent.antctl(ROOT, "start");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(agent.get(21401, "/metrics").body()).containsPattern("\nant_node_uptime [1-9]"));
    }

    @Test
    void upgradeReplacesOlderNodesAndRestartsThem() {
        addNodes(2, 21420, "--version", "0.4.16");
        agent.antctl(ROOT, "start");

        StandinContainer.Exec r = agent.antctl(ROOT, "upgrade");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Upgrade summary:", "✓ antnode1 upgraded from 0.4.16 to 0.4.17",
                "✓ antnode2 upgraded from 0.4.16 to 0.4.17");
        assertThat(agent.node(ROOT, "antnode1").get("version")).isEqualTo("0.4.17");
        assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Running");
        assertThat(agent.antctl(ROOT, "upgrade").out()).contains("✓ All nodes are at the latest version");
    }

    @Test
    void forcedUpgradeCanGoBackToAnOlderVersion() {
        addNodes(1, 21450);

        StandinContainer.Exec r = agent.antctl(ROOT, "upgrade", "--force", "--version", "0.4.16", "--do-not-start");

        assertThat(r.out()).contains("✓ Forced antnode1 version change from 0.4.17 to 0.4.16.");
        assertThat(agent.node(ROOT, "antnode1").get("version")).isEqualTo("0.4.16");
        assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Added");
    }

    @Test
    void resetForceStopsRunningNodesAndDeletesTheRegistry() {
        addNodes(1, 21480);
        agent.antctl(ROOT, "start");

        assertThat(agent.antctl(ROOT, "reset", "--force").exit()).isZero();

        assertThat(agent.root("pidof", "antnode").exit()).isNotZero();
        assertThat(agent.root("test", "-e", StandinContainer.ROOT_REGISTRY).exit()).isNotZero();
    }
}
