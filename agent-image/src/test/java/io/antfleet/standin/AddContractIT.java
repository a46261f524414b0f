package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** antctl-contract.md sections 1, 2 and 5 (add, flags, registry, numbering), as root. Ports 20000-20999. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AddContractIT extends ContractTestBase {
    @Override
    String containerName() {
        return "add";
    }

    @Test
    void versionPrintsTheManagerVersionInThreeLines() {
        StandinContainer.Exec r = agent.antctl(ROOT, "--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Autonomi Node Manager v0.14.2\nPackage version: ").contains("\nGit info: ");
    }

    @Test
    void addRejectsPortFlagWithExitTwo() {
        StandinContainer.Exec r = agent.add(ROOT, "--port", "20001");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error: unexpected argument '--port' found").contains("Usage: ");
    }

    @Test
    void addRejectsAntnodePathAndUpnpFlagsWithExitTwo() {
        assertThat(agent.add(ROOT, "--antnode-path", "/opt/antnode/0.4.17/antnode").exit()).isEqualTo(2);
        assertThat(agent.add(ROOT, "--upnp").exit()).isEqualTo(2);
    }

    @Test
    void addRequiresRewardsAddressAndTheTrailingEvmNetwork() {
        StandinContainer.Exec noAddress = agent.antctl(ROOT, "add", "evm-arbitrum-one");
        StandinContainer.Exec noNetwork = agent.antctl(ROOT, "add", "--rewards-address", StandinContainer.ADDRESS);

        assertThat(noAddress.exit()).isEqualTo(2);
        assertThat(noAddress.err()).contains("--rewards-address <REWARDS_ADDRESS>");
        assertThat(noNetwork.exit()).isEqualTo(2);
    }

    @Test
    void addRejectsFlagsPlacedAfterTheEvmNetwork() {
        StandinContainer.Exec r = agent.antctl(ROOT, "add", "--rewards-address", StandinContainer.ADDRESS,
                "evm-arbitrum-one", "--count", "2");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(agent.nodes(ROOT)).isEmpty();
    }

    @Test
    void addRejectsARepeatedSingleValuedFlagWithExitTwo() {
        assertThat(agent.add(ROOT, "--count", "1", "--count", "1").exit()).isEqualTo(2);
    }

    @Test
    void addWithACountThatDoesNotMatchThePortsFailsWithExitOne() {
        StandinContainer.Exec single = agent.add(ROOT, "--count", "3", "--node-port", "20001");
        StandinContainer.Exec range = agent.add(ROOT, "--node-port", "20001-20003");

        assertThat(single.exit()).isEqualTo(1);
        assertThat(single.err()).contains("The count (3) does not match the number of ports (1)");
        assertThat(range.exit()).isEqualTo(1);
        assertThat(range.err()).contains("The count (1) does not match the number of ports (3)");
    }

    @Test
    void addWithADescendingPortRangeIsAUsageError() {
        assertThat(agent.add(ROOT, "--count", "2", "--node-port", "20012-20011").exit()).isEqualTo(2);
    }

    @Test
    void addAssignsConsecutivePortsFromRanges() {
        StandinContainer.Exec r = agent.add(ROOT, "--count", "3", "--node-port", "20021-20023",
                "--metrics-port", "20031-20033", "--rpc-port", "20041-20043");

        assertThat(r.exit()).isZero();
        assertThat(agent.node(ROOT, "antnode3").get("node_port")).isEqualTo(20023L);
        assertThat(agent.node(ROOT, "antnode3").get("metrics_port")).isEqualTo(20033L);
        assertThat(agent.node(ROOT, "antnode3").get("rpc_socket_addr")).isEqualTo("127.0.0.1:20043");
    }

    @Test
    void addPrintsTheServicesAddedBlockWithoutACreatedLine() {
        StandinContainer.Exec r = agent.add(ROOT, "--count", "2", "--node-port", "20051-20052");

        assertThat(r.out()).contains("║   Add Antnode Services   ║", "2 service(s) to be added", "Services Added:",
                "\n ✓ antnode1\n", "\n ✓ antnode2\n", "    - Data path: /var/antctl/services/antnode1",
                "[!] Note: newly added services have not been started");
        assertThat(r.out().indexOf("Downloading antnode version 0.4.17...")).isLessThan(r.out().indexOf("Services Added:"));
        assertThat(r.out()).doesNotContain("created successfully");
    }

    @Test
    void addDoesNotStartTheNode() {
        agent.add(ROOT, "--node-port", "20061", "--metrics-port", "20062");

        assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Added");
        assertThat(agent.node(ROOT, "antnode1").get("pid")).isNull();
        assertThat(agent.root("pidof", "antnode").exit()).isNotZero();
    }

    @Test
    void addAsRootUsesTheSystemWideRegistryAndDirectories() {
        agent.add(ROOT, "--node-port", "20071");

        assertThat(agent.root("cat", StandinContainer.ROOT_REGISTRY).out()).startsWith("{\"daemon\":null,");
        assertThat(agent.node(ROOT, "antnode1").get("user")).isEqualTo("ant");
        assertThat(agent.node(ROOT, "antnode1").get("user_mode")).isEqualTo(false);
        assertThat(agent.node(ROOT, "antnode1").get("log_dir_path")).isEqualTo("/var/log/antnode/antnode1");
    }

    @Test
    void addRejectsPortsHeldByRemovedNodes() {
        agent.add(ROOT, "--node-port", "20081", "--metrics-port", "20082");
        agent.antctl(ROOT, "remove", "--service-name", "antnode1");

        StandinContainer.Exec r = agent.add(ROOT, "--node-port", "20082");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Port 20082 is being used by another service");
    }

    @Test
    void removedNodesKeepTheirNumberAndStayInStatusJson() {
        agent.add(ROOT, "--count", "2", "--node-port", "20091-20092");
        agent.antctl(ROOT, "remove", "--service-name", "antnode1");
        agent.add(ROOT, "--node-port", "20093");

        assertThat(agent.nodes(ROOT)).extracting(n -> n.get("service_name") + "=" + n.get("status"))
                .containsExactly("antnode1=Removed", "antnode2=Added", "antnode3=Added");
        assertThat(agent.root("test", "-e", "/var/antctl/services/antnode1").exit()).isNotZero();
    }

    @Test
    void resetForceRestartsNumberingAtOne() {
        agent.add(ROOT, "--count", "2", "--node-port", "20101-20102");

        assertThat(agent.antctl(ROOT, "reset", "--force").exit()).isZero();
        agent.add(ROOT, "--node-port", "20103");

        assertThat(agent.nodes(ROOT)).extracting(n -> String.valueOf(n.get("service_name"))).containsExactly("antnode1");
        assertThat(agent.node(ROOT, "antnode1").get("node_port")).isEqualTo(20103L);
    }

    @Test
    void resetWithoutForceAndNoAnswerIsAbortedWithExitZero() {
        agent.add(ROOT, "--node-port", "20111");

        StandinContainer.Exec r = agent.antctl(ROOT, "reset");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Do you wish to proceed? [y/n]", "Reset aborted");
        assertThat(agent.nodes(ROOT)).hasSize(1);
    }

    @Test
    void addWithAnUnknownVersionFailsLikeAFailedDownload() {
        StandinContainer.Exec r = agent.add(ROOT, "--version", "0.0.1", "--node-port", "20121");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Downloading antnode version 0.0.1...");
        assertThat(agent.nodes(ROOT)).isEmpty();
    }

    @Test
    void addWithPathCopiesTheBinaryAndReadsItsVersion() {
        StandinContainer.Exec r = agent.add(ROOT, "--path", "/opt/antnode/0.4.16/antnode", "--node-port", "20131");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("Downloading");
        assertThat(agent.node(ROOT, "antnode1").get("version")).isEqualTo("0.4.16");
        assertThat(agent.root("/var/antctl/services/antnode1/antnode", "--version").out())
                .startsWith("Autonomi Node v0.4.16");
    }

    @Test
    void statusJsonOfEmptyRegistryPrintsNothing() {
        StandinContainer.Exec json = agent.antctl(ROOT, "status", "--json");
        StandinContainer.Exec table = agent.antctl(ROOT, "status");

        assertThat(json.exit()).isZero();
        assertThat(json.out()).isEmpty();
        assertThat(table.out()).isEmpty();
    }

    @Test
    void statusJsonIsAnObjectWithNodesAndDaemonInContractKeyOrder() {
        agent.add(ROOT, "--node-port", "20141");

        String out = agent.antctl(ROOT, "status", "--json").out();
        java.util.Map<?, ?> node = agent.node(ROOT, "antnode1");

        assertThat(out).startsWith("{\n  \"nodes\": [\n").endsWith("\n  ],\n  \"daemon\": null\n}\n");
        assertThat(node.keySet().stream().map(String::valueOf)).containsExactlyElementsOf(Json.NODE_KEY_ORDER);
        assertThat(node.get("metrics_port")).isNull();
        assertThat(node.get("peer_id")).isNull();
        assertThat(node.get("reward_balance")).isNull();
        assertThat(node.get("rewards_address")).isEqualTo(StandinContainer.ADDRESS.toLowerCase());
    }

    @Test
    void statusJsonConflictsWithDetails() {
        assertThat(agent.antctl(ROOT, "status", "--json", "--details").exit()).isEqualTo(2);
    }

    @Test
    void statusFailExitsOneWhenAnAddedNodeIsNotRunning() {
        agent.add(ROOT, "--node-port", "20151");

        assertThat(agent.antctl(ROOT, "status", "--fail").exit()).isEqualTo(1);
    }

    @Test
    void unknownServiceNameAbortsWithExitOne() {
        agent.add(ROOT, "--node-port", "20161");

        StandinContainer.Exec r = agent.antctl(ROOT, "start", "--service-name", "antnode9");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("No service named 'antnode9'");
        assertThat(agent.node(ROOT, "antnode1").get("status")).isEqualTo("Added");
    }

    @Test
    void envFlagIsOneVariablePerOccurrence() {
        agent.add(ROOT, "--node-port", "20171", "--env", "A=1,B=2", "--env", "C=3");

        assertThat(agent.root("cat", StandinContainer.ROOT_REGISTRY).out())
                .contains("\"environment_variables\":[[\"A\",\"1,B=2\"],[\"C\",\"3\"]]");
    }

    @Test
    void balancePrintsZeroPerNode() {
        agent.add(ROOT, "--count", "2", "--node-port", "20181-20182");

        assertThat(agent.antctl(ROOT, "balance").out()).isEqualTo("antnode1: 0\nantnode2: 0\n");
    }
}
