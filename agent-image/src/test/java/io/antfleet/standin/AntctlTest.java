package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in's behaviour in user mode, in-process; starting real nodes is covered by the ITs. */
class AntctlTest {
    @TempDir
    Path temp;
    StandinFixture antctl;

    @BeforeEach
    void setUp() throws IOException {
        antctl = new StandinFixture(temp);
    }

    @Test
    void unknownFlagExitsTwoWithClapStyleError() {
        StandinFixture.Result r = antctl.add("--port", "55001");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: unexpected argument '--port' found").contains("\nUsage: antctl add");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void versionPrintsThreeLines() {
        StandinFixture.Result r = antctl.run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out().split("\n")).hasSize(3);
        assertThat(r.out()).startsWith("Autonomi Node Manager v0.14.2\nPackage version: ");
    }

    @Test
    void emptyRegistryPrintsNothingForStatusJson() {
        StandinFixture.Result r = antctl.run("status", "--json");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void countMismatchFailsWithExitOne() {
        StandinFixture.Result r = antctl.add("--count", "3", "--node-port", "55001");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: \n   0: The count (3) does not match the number of ports (1)\n");
    }

    @Test
    void addRegistersNodesAsAddedWithoutStartingThem() {
        StandinFixture.Result r = antctl.add("--count", "2", "--node-port", "25001-25002");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("2 service(s) to be added", "Services Added:\n ✓ antnode1\n", " ✓ antnode2\n",
                "Downloading antnode version 0.4.17...", "[!] Note: newly added services have not been started");
        assertThat(statusOf("antnode1")).isEqualTo("Added");
        assertThat(Files.isExecutable(antctl.home.resolve(".local/share/autonomi/node/antnode1/antnode"))).isTrue();
    }

    @Test
    void removedNodesKeepTheirNumberAndPorts() {
        antctl.add("--node-port", "25001", "--metrics-port", "25101");
        antctl.run("remove", "--service-name", "antnode1");

        StandinFixture.Result reuse = antctl.add("--node-port", "25101");
        StandinFixture.Result next = antctl.add("--node-port", "25002");

        assertThat(reuse.exit()).isEqualTo(1);
        assertThat(reuse.err()).contains("Port 25101 is being used by another service");
        assertThat(next.out()).contains(" ✓ antnode2\n");
        assertThat(statusOf("antnode1")).isEqualTo("Removed");
    }

    @Test
    void numberingContinuesAfterRemovedEntriesUntilReset() {
        antctl.add("--count", "2");
        antctl.run("remove");
        antctl.add();

        assertThat(nodeNames()).containsExactly("antnode1", "antnode2", "antnode3");

        StandinFixture.Result reset = antctl.run("reset", "--force");
        antctl.add();

        assertThat(reset.exit()).isZero();
        assertThat(nodeNames()).containsExactly("antnode1");
    }

    @Test
    void registryFileIsCompactSchemaTwoInContractKeyOrder() throws IOException {
        antctl.add("--env", "A=1");

        String text = antctl.registryText();
        Map<?, ?> root = (Map<?, ?>) Json.parse(text);
        Map<?, ?> node = (Map<?, ?>) ((List<?>) root.get("nodes")).get(0);

        assertThat(text).doesNotContain("\n").startsWith("{\"daemon\":null,\"environment_variables\":[[\"A\",\"1\"]]");
        assertThat(root.keySet().stream().map(String::valueOf)).containsExactly("daemon", "environment_variables", "nat_status", "nodes", "save_path");
        assertThat(root.get("save_path")).isEqualTo(antctl.registryFile().toString());
        assertThat(List.copyOf(node.keySet())).isEqualTo(Json.NODE_KEY_ORDER);
        assertThat(node.get("schema_version")).isEqualTo(2L);
        assertThat(node.get("rewards_address")).isEqualTo(StandinFixture.ADDRESS.toLowerCase());
        assertThat(node.get("user")).isNull();
        assertThat(node.get("user_mode")).isEqualTo(true);
        assertThat(node.get("metrics_port")).isNull();
        assertThat(node.get("peer_id")).isNull();
    }

    @Test
    void statusJsonIsAPrettyObjectWithNodesThenDaemon() {
        antctl.add();

        String out = antctl.run("status", "--json").out();

        assertThat(out).startsWith("{\n  \"nodes\": [\n    {\n      \"alpha\": false,\n      \"schema_version\": 2,");
        assertThat(out).endsWith("  ],\n  \"daemon\": null\n}\n");
    }

    @Test
    void unknownServiceNameAbortsBeforeAnyWork() {
        antctl.add();

        StandinFixture.Result r = antctl.run("remove", "--service-name", "antnode1", "--service-name", "antnode9");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("No service named 'antnode9'");
        assertThat(statusOf("antnode1")).isEqualTo("Added");
    }

    @Test
    void resetWithoutForceIsAbortedByAnythingButYes() {
        antctl.add();

        StandinFixture.Result eof = antctl.runWithInput("", "reset");
        StandinFixture.Result no = antctl.runWithInput("n\n", "reset");

        assertThat(eof.exit()).isZero();
        assertThat(eof.out()).contains("Do you wish to proceed? [y/n]", "Reset aborted");
        assertThat(no.out()).contains("Reset aborted");
        assertThat(Files.exists(antctl.registryFile())).isTrue();
    }

    @Test
    void resetWithYesDeletesTheRegistry() {
        antctl.add();

        StandinFixture.Result r = antctl.runWithInput("y\n", "reset");

        assertThat(r.exit()).isZero();
        assertThat(Files.exists(antctl.registryFile())).isFalse();
    }

    @Test
    void stopOfANeverStartedNodeSaysSo() {
        antctl.add();

        StandinFixture.Result r = antctl.run("stop");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Service antnode1 has not been started since it was installed");
    }

    @Test
    void statusFailExitsOneWhenANodeIsNotRunning() {
        antctl.add();

        assertThat(antctl.run("status", "--fail").exit()).isEqualTo(1);
    }

    @Test
    void unknownVersionFailsLikeAFailedDownload() {
        StandinFixture.Result r = antctl.add("--version", "9.9.9");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Downloading antnode version 9.9.9...");
        assertThat(r.err()).contains("Failed to download antnode version 9.9.9");
        assertThat(Files.exists(antctl.registryFile())).isFalse();
    }

    @Test
    void pathBinaryReportsItsOwnVersion() {
        Path binary = antctl.distDir.resolve("0.4.16/antnode");

        antctl.add("--path", binary.toString());

        assertThat(nodeField("antnode1", "version")).isEqualTo("0.4.16");
    }

    @Test
    void upgradeOfAddedNodesWithDoNotStartReplacesTheVersion() {
        antctl.add("--version", "0.4.16");

        StandinFixture.Result r = antctl.run("upgrade", "--do-not-start");

        assertThat(r.out()).contains("Upgrade summary:", "✓ antnode1 upgraded from 0.4.16 to 0.4.17");
        assertThat(nodeField("antnode1", "version")).isEqualTo("0.4.17");
        assertThat(antctl.run("upgrade", "--do-not-start").out()).contains("✓ All nodes are at the latest version");
    }

    @Test
    void balancePrintsZeroPerNode() {
        antctl.add("--count", "2");

        assertThat(antctl.run("balance").out()).isEqualTo("antnode1: 0\nantnode2: 0\n");
    }

    @Test
    void injectedFaultSetsExitCodeAndMessage() throws IOException {
        Files.writeString(antctl.standinDir.resolve("faults"), "status exit=7 message=injected trouble\n");

        StandinFixture.Result r = antctl.run("status", "--json");

        assertThat(r.exit()).isEqualTo(7);
        assertThat(r.err()).contains("injected trouble");
    }

    @Test
    void injectedTruncatedJsonCannotBeParsed() throws IOException {
        antctl.add();
        Files.writeString(antctl.standinDir.resolve("faults"), "status json=truncated\n");

        String out = antctl.run("status", "--json").out();

        assertThat(out).isNotBlank();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parse(out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> nodeNames() {
        Object root = Json.parse(antctl.run("status", "--json").out());
        return ((List<?>) ((Map<?, ?>) root).get("nodes")).stream()
                .map(n -> (String) ((Map<?, ?>) n).get("service_name")).toList();
    }

    private String statusOf(String service) {
        return nodeField(service, "status");
    }

    private String nodeField(String service, String key) {
        Object root = Json.parse(antctl.run("status", "--json").out());
        return ((List<?>) ((Map<?, ?>) root).get("nodes")).stream().map(n -> (Map<?, ?>) n)
                .filter(n -> service.equals(n.get("service_name"))).map(n -> String.valueOf(n.get(key)))
                .findFirst().orElseThrow();
    }
}
