package io.antfleet.standin.ant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/contracts/ant-v2-contract.md §2.2 (`ant node add`) and §4 (registry, numbering, layout). */
class AntAddContractIT extends AntContractTestBase {

    private AntAgent.Exec add(String... flags) {
        List<String> all = new java.util.ArrayList<>(List.of("node", "add", "--rewards-address", AntAgent.ADDRESS,
                "--path", agent.nodeBinary(agent.nodeVersions().get(0))));
        all.addAll(List.of(flags));
        return ant.ant(all.toArray(String[]::new));
    }

    @Test
    void nodesAreNamedNodeNWithDataDirsAndTheirOwnBinaryCopy() {
        JsonNode added = ant.add("--count", "2");
        JsonNode second = added.get("nodes_added").get(1);
        assertThat(second.get("id").asInt()).isEqualTo(2);
        assertThat(second.get("service_name").asText()).isEqualTo("node2");
        assertThat(second.get("data_dir").asText()).isEqualTo(ant.dir + "/nodes/node-2");
        assertThat(second.get("binary_path").asText()).isEqualTo(ant.dir + "/nodes/node-2/ant-node");
        assertThat(second.get("log_dir").isNull()).isTrue();
        assertThat(agent.sh("stat", "-c", "%a", ant.dir + "/nodes/node-2/ant-node").out().trim()).isEqualTo("755");
        assertThat(second.get("version").asText()).isEqualTo(agent.nodeVersions().get(0));
    }

    @Test
    void addResultKeysFollowNodeConfigOrder() {
        JsonNode n = ant.add().get("nodes_added").get(0);
        List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "service_name", "rewards_address", "data_dir", "log_dir", "node_port",
                "metrics_port", "network_id", "binary_path", "version", "env_variables", "bootstrap_peers");
    }

    @Test
    void humanOutputListsEachNode() {
        AntAgent.Exec r = add("--node-port", "23001", "--log-dir-path", ant.home + "/logs");
        assertThat(r.out()).isEqualTo("✓ Added 1 node(s):\n\n  ● Node 1 (node1)\n    Data " + ant.dir + "/nodes/node-1\n"
                + "    Logs " + ant.home + "/logs/node-1/logs\n    Port 23001\n    Binary " + ant.dir + "/nodes/node-1/ant-node\n"
                + "    Version " + agent.nodeVersions().get(0) + "\n");
    }

    @Test
    void registryIsPrettyJsonWithSchemaOneNodesKeyedByIdAndNextId() {
        ant.add("--count", "2");
        JsonNode reg = new AntAgent.Exec(0, ant.file("node_registry.json"), "").json();
        assertThat(reg.get("schema_version").asInt()).isEqualTo(1);
        assertThat(reg.get("nodes").has("1")).isTrue();
        assertThat(reg.get("nodes").has("2")).isTrue();
        assertThat(reg.get("next_id").asInt()).isEqualTo(3);
        assertThat(ant.file("node_registry.json")).startsWith("{\n  \"schema_version\": 1,");
    }

    @Test
    void idsAreNeverReusedAfterDeleteUntilReset() {
        ant.add("--count", "2");
        ant.startDaemon();
        assertThat(ant.agentDelete(2).statusCode()).isEqualTo(200);
        assertThat(ant.add().get("nodes_added").get(0).get("service_name").asText()).isEqualTo("node3");
        ant.ok("node", "daemon", "stop");
        ant.ok("node", "reset", "--force");
        assertThat(ant.add().get("nodes_added").get(0).get("service_name").asText()).isEqualTo("node1");
    }

    @Test
    void rewardsAddressIsTrimmedAndItsCaseKept() {
        JsonNode n = ant.ok("node", "add", "--json", "--rewards-address", " 0XABCDEF1234567890abcdef1234567890ABCDEF12 ",
                "--path", agent.nodeBinary(agent.nodeVersions().get(0))).json();
        assertThat(n.get("nodes_added").get(0).get("rewards_address").asText()).isEqualTo("0XABCDEF1234567890abcdef1234567890ABCDEF12");
    }

    @Test
    void badRewardsAddressesAreRuntimeErrors() {
        String bin = agent.nodeBinary(agent.nodeVersions().get(0));
        assertThat(ant.ant("node", "add", "--rewards-address", " ", "--path", bin).err())
                .isEqualTo("Error: Invalid rewards address: rewards address cannot be empty\n");
        assertThat(ant.ant("node", "add", "--rewards-address", "abc", "--path", bin).err())
                .isEqualTo("Error: Invalid rewards address: rewards address must start with '0x', got 'abc'\n");
        assertThat(ant.ant("node", "add", "--rewards-address", "0xabc", "--path", bin).err())
                .isEqualTo("Error: Invalid rewards address: rewards address must be 42 characters (0x + 40 hex), got 5 characters\n");
        AntAgent.Exec nonHex = ant.ant("node", "add", "--rewards-address", "0xGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG", "--path", bin);
        assertThat(nonHex.exit()).isEqualTo(1);
        assertThat(nonHex.err()).startsWith("Error: Invalid rewards address: rewards address contains non-hex characters:");
    }

    @Test
    void portSyntaxErrors() {
        assertThat(add("--node-port", "x-2").err()).isEqualTo("Error: Invalid port range start: 'x'\n");
        assertThat(add("--node-port", "1-y").err()).isEqualTo("Error: Invalid port range end: 'y'\n");
        assertThat(add("--node-port", "5-3").err()).isEqualTo("Error: Port range end (3) must be >= start (5)\n");
        assertThat(add("--metrics-port", "70000").err()).isEqualTo("Error: Invalid port: '70000'\n");
    }

    @Test
    void rangeLengthMustEqualCountButASinglePortGoesToTheFirstNodeOnly() {
        assertThat(add("--count", "3", "--node-port", "23001-23002").err())
                .isEqualTo("Error: Port range length (2) does not match node count (3)\n");
        JsonNode nodes = ant.add("--count", "3", "--node-port", "23010").get("nodes_added");
        assertThat(nodes.get(0).get("node_port").asInt()).isEqualTo(23010);
        assertThat(nodes.get(1).get("node_port").isNull()).isTrue();
        assertThat(nodes.get(2).get("node_port").isNull()).isTrue();
    }

    @Test
    void noPortConflictCheckAgainstTheRegistry() {
        ant.add("--node-port", "23020");
        JsonNode second = ant.add("--node-port", "23020").get("nodes_added").get(0);
        assertThat(second.get("node_port").asInt()).isEqualTo(23020);
    }

    @Test
    void countAboveOneThousandIsRefusedAndZeroAddsNothing() {
        assertThat(add("--count", "1001").err()).isEqualTo("Error: Node count 1001 exceeds maximum of 1000 per call\n");
        assertThat(ant.add("--count", "0").get("nodes_added")).isEmpty();
    }

    @Test
    void envAndBootstrapAreSplitOnCommasAndEnvNeedsAnEqualsSign() {
        JsonNode n = ant.add("--env", "ANT_A=1,ANT_B=x=y", "--bootstrap", "1.2.3.4:10000,5.6.7.8:10000").get("nodes_added").get(0);
        assertThat(n.get("env_variables").get("ANT_A").asText()).isEqualTo("1");
        assertThat(n.get("env_variables").get("ANT_B").asText()).isEqualTo("x=y");
        assertThat(n.get("bootstrap_peers")).hasSize(2);
        assertThat(add("--env", "NOEQUALS").err()).isEqualTo("Error: Invalid env variable format: 'NOEQUALS'. Expected KEY=VALUE\n");
    }

    @Test
    void networkIdIsStoredAndDataAndLogDirsArePrefixes() {
        JsonNode n = ant.add("--network-id", "7", "--data-dir-path", ant.home + "/data", "--log-dir-path", ant.home + "/logs")
                .get("nodes_added").get(0);
        assertThat(n.get("network_id").asInt()).isEqualTo(7);
        assertThat(n.get("data_dir").asText()).isEqualTo(ant.home + "/data/node-1");
        assertThat(n.get("log_dir").asText()).isEqualTo(ant.home + "/logs/node-1/logs");
        assertThat(ant.exists(ant.home + "/logs/node-1/logs")).isTrue();
    }

    @Test
    void missingLocalBinaryIsBinaryNotFound() {
        AntAgent.Exec r = ant.ant("node", "add", "--rewards-address", AntAgent.ADDRESS, "--path", "/nope/ant-node");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Binary not found at path: /nope/ant-node\n");
    }

    @Test
    void aLocalBinaryBringsTheBootstrapPeersFileBesideIt() {
        String src = ant.home + "/src";
        agent.sh("sh", "-c", "mkdir -p " + src + " && cp " + agent.nodeBinary(agent.nodeVersions().get(0)) + " " + src
                + "/ant-node && echo 'peers = []' > " + src + "/bootstrap_peers.toml");
        ant.ok("node", "add", "--rewards-address", AntAgent.ADDRESS, "--path", src + "/ant-node");
        assertThat(ant.file("nodes/node-1/bootstrap_peers.toml")).isEqualTo("peers = []\n");
    }

    @Test
    void aLocalBinaryWhoseVersionFailsIsABinaryResolutionError() {
        agent.sh("sh", "-c", "mkdir -p " + ant.home + " && printf '#!/bin/sh\\nexit 3\\n' > " + ant.home + "/bad && chmod 755 " + ant.home + "/bad");
        AntAgent.Exec r = ant.ant("node", "add", "--rewards-address", AntAgent.ADDRESS, "--path", ant.home + "/bad");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Binary resolution failed: " + ant.home + "/bad --version exited with status exit status: 3\n");
    }

    @Test
    void aRegistryWithoutARequiredFieldIsAnError() {
        agent.sh("sh", "-c", "mkdir -p " + ant.dir + " && echo '{\"schema_version\": 1, \"nodes\": {}}' > " + ant.dir + "/node_registry.json");
        AntAgent.Exec r = ant.ant("node", "status");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: JSON serialization error: missing field `next_id`");
    }

    @Test
    void versionSourceUsesTheCacheWithoutRunningTheBinary() {
        agent.sh("sh", "-c", "mkdir -p " + ant.dir + "/bin && printf '#!/bin/sh\\nexit 3\\n' > " + ant.dir + "/bin/ant-node-9.9.9 && chmod 755 "
                + ant.dir + "/bin/ant-node-9.9.9");
        AntAgent.Exec r = ant.ok("node", "add", "--rewards-address", AntAgent.ADDRESS, "--version", "v9.9.9");
        assertThat(r.out()).startsWith("\r✓ Using cached ant-node v9.9.9\n✓ Added 1 node(s):");
        assertThat(r.out()).contains("    Version 9.9.9\n");
    }

    @Test
    void versionSourceDownloadsIntoTheCacheWithProgressLinesEvenWithJson() {
        String v = agent.nodeVersions().get(agent.nodeVersions().size() - 1);
        AntAgent.Exec r = ant.ok("node", "add", "--json", "--rewards-address", AntAgent.ADDRESS, "--version", v);
        assertThat(r.out()).startsWith("⟳ Downloading ant-node from https://github.com/WithAutonomi/ant-node/releases/download/v" + v
                + "/ant-node-cli-linux-x64.tar.gz\n⟳ Extracting archive...\n\r✓ Downloaded ant-node v" + v + " to " + ant.dir + "/bin/ant-node-" + v
                + "\n{\n");
        assertThat(ant.exists(ant.dir + "/bin/ant-node-" + v)).isTrue();
        AntAgent.Exec missing = ant.ant("node", "add", "--rewards-address", AntAgent.ADDRESS, "--version", "0.0.1");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("Error: Binary resolution failed: download returned status 404 Not Found\n");
    }

    @Test
    void viaTheDaemonErrorsReadDaemonReturnedError() {
        ant.startDaemon();
        AntAgent.Exec r = ant.ant("node", "add", "--rewards-address", "0x1", "--path", agent.nodeBinary(agent.nodeVersions().get(0)));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Daemon returned error: {\"error\":\"Invalid rewards address: rewards address must be 42 "
                + "characters (0x + 40 hex), got 3 characters\"}\n");
        JsonNode ok = ant.add();
        assertThat(ok.get("nodes_added").get(0).get("service_name").asText()).isEqualTo("node1");
        assertThat(ant.status().get("nodes")).hasSize(1);
    }

    @Test
    void addNeverStartsANode() {
        ant.add();
        ant.startDaemon();
        assertThat(ant.node(1).get("status").asText()).isEqualTo("stopped");
        assertThat(ant.node(1).has("pid")).isFalse();
    }
}
