package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * antctl-contract.md, last section, the rules that need running nodes: the full refresh of start, stop, remove,
 * upgrade, reset and the table status (lib.rs:622 refresh_node_registry, one RPC attempt per running node), the
 * upgrade that did not start (cmd/mod.rs:114-119), and the self-upgrade (ant-node src/bin/antnode/main.rs:494-530).
 * Ports 24500-24599.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RefreshContractIT extends ContractTestBase {
    /** The stand-in's file that simulates an antnode self-upgrade (agent-image/src/main/go/antctl/refresh.go). */
    private static final String SELF_UPGRADE_TRIGGER = "self-upgrade";

    @Override
    String containerName() {
        return "refresh";
    }

    private void addAndStart(int count, int base, String... extra) {
        String[] flags = new String[6 + extra.length];
        String range = count == 1 ? "%d" : "%d-%d";
        flags[0] = "--count";
        flags[1] = Integer.toString(count);
        flags[2] = "--node-port";
        flags[3] = String.format(range, base, base + count - 1);
        flags[4] = "--rpc-port";
        flags[5] = String.format(range, base + 50, base + 50 + count - 1);
        System.arraycopy(extra, 0, flags, 6, extra.length);
        StandinContainer.Exec add = agent.add(ROOT, flags);
        assertThat(add.exit()).as(add.toString()).isZero();
        StandinContainer.Exec start = agent.antctl(ROOT, "start", "--interval", "1");
        assertThat(start.exit()).as(start.toString()).isZero();
    }

    @Test
    void oneWedgedNodeFailsEveryCommandThatRefreshesFullyButNotStatusJson() {
        addAndStart(2, 24501);
        agent.root("touch", "/var/antctl/services/antnode2/stall-metrics");
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.antctl(ROOT, "status").exit() != 0);

        for (List<String> command : List.of(List.of("stop", "--service-name", "antnode1"), List.of("start"),
                List.of("remove", "--service-name", "antnode1"), List.of("upgrade"), List.of("status"),
                List.of("reset", "--force"))) {
            StandinContainer.Exec r = agent.antctl(ROOT, command.toArray(String[]::new));

            assertThat(r.exit()).as(command + ": " + r).isEqualTo(1);
            // ant-service-management src/error.rs:36: RpcNodeInfoError, which does not name the node
            assertThat(r.err()).as(command.toString()).startsWith("Error: ")
                    .contains("Could not obtain node info through RPC");
        }
        assertThat(agent.nodes(ROOT)).extracting(n -> (Object) n.get("status")).containsExactly("Running", "Running");

        agent.root("kill", "-9", agent.node(ROOT, "antnode2").get("pid").toString());
        StandinContainer.Exec stop = agent.antctl(ROOT, "stop");

        assertThat(stop.exit()).as(stop.toString()).isZero();
        assertThat(agent.nodes(ROOT)).extracting(n -> (Object) n.get("status")).containsExactly("Stopped", "Stopped");
    }

    @Test
    void anUpgradedNodeThatDoesNotStartIsReportedOnItsOwnLine() {
        addAndStart(1, 24511, "--version", "0.4.16");
        agent.writeFile("/etc/antctl-standin/config", "peer_wait_ms=60000\n");

        StandinContainer.Exec r = agent.antctl(ROOT, "upgrade", "--connection-timeout", "1");

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        // cmd/mod.rs:114-119 and cmd/node.rs:588-595
        assertThat(r.out()).contains("Upgrade summary:\n✕ antnode1 was upgraded from 0.4.16 to 0.4.17 but it did not start\n");
        assertThat(r.err()).startsWith("Error: \n   0: There was a problem upgrading one or more nodes\n");
        assertThat(agent.node(ROOT, "antnode1").get("version")).isEqualTo("0.4.17");
    }

    @Test
    void aSelfUpgradeShowsANewVersionAndPidOnTheNextStatusWithoutAnyAntctlCall() throws Exception {
        addAndStart(1, 24521, "--version", "0.4.16", "--metrics-port", "24599");
        Map<?, ?> before = agent.node(ROOT, "antnode1");

        agent.root("sh", "-c", "echo 0.4.17 > /var/antctl/services/antnode1/" + SELF_UPGRADE_TRIGGER);
        Map<?, ?> after = agent.node(ROOT, "antnode1");

        assertThat(after.get("status")).isEqualTo("Running");
        assertThat(after.get("version")).isEqualTo("0.4.17");
        assertThat(after.get("pid")).isNotEqualTo(before.get("pid"));
        assertThat(after.get("peer_id")).isEqualTo(before.get("peer_id"));
        assertThat(agent.get(24599, "/metadata").body()).contains("antnode_version=\"0.4.17\"");
    }
}
