package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of antctl-contract.md's last section ("Rules added after a second reading of the source"), in-process.
 * The expected texts are the upstream format strings (ant-node-manager 0.14.2, file:line beside each), not the
 * stand-in's own constants. Rules that need running nodes (refresh, self-upgrade) are in {@link RefreshContractIT}.
 */
class RealToolRulesTest {
    @TempDir
    Path temp;
    StandinFixture antctl;

    @BeforeEach
    void setUp() throws IOException {
        antctl = new StandinFixture(temp);
    }

    @Test
    void userModeUnderOpenRcIsRefusedForEveryNodeAndNothingIsRegistered() {
        antctl.services = "openrc";

        StandinFixture.Result r = antctl.add("--count", "2");

        assertThat(r.exit()).isEqualTo(1);
        // add_services/mod.rs:314-318 "Failed to add {} service(s):" / "{} {}: {}" with ✕; control.rs:479 set_level
        assertThat(r.out()).endsWith("Failed to add 2 service(s):\n"
                + "✕ antnode1: OpenRC does not support user-level services\n"
                + "✕ antnode2: OpenRC does not support user-level services\n");
        assertThat(r.out()).doesNotContain("Services Added:", "[!] Note");
        assertThat(r.err()).startsWith("Error: \n   0: Failed to add one or more services\n");
        assertThat(antctl.run("status", "--json").out()).isEmpty();
    }

    @Test
    void noServiceManagerAtAllFailsEveryNode() {
        antctl.services = "none";

        assertThat(antctl.add().out()).contains("✕ antnode1: Only systemd and openrc are supported on Linux\n");
    }

    @Test
    void aFailedNodeInABatchSkipsItsNumberAndTheNoteComesBeforeTheFailures() throws IOException {
        Files.writeString(antctl.standinDir.resolve("faults"), "add refuse=antnode2\n");

        StandinFixture.Result r = antctl.add("--count", "3");

        assertThat(r.exit()).isEqualTo(1);
        // add_services/mod.rs:301-318: Services Added, the Note, then "Failed to add", no space before ✕
        assertThat(r.out()).contains("Services Added:\n ✓ antnode1\n")
                .contains(" ✓ antnode3\n")
                .contains("[!] Note: newly added services have not been started\nFailed to add 1 service(s):\n✕ antnode2: ");
        assertThat(r.out().indexOf("[!] Note")).isLessThan(r.out().indexOf("Failed to add"));
        // add_services/mod.rs:284 node_number += 1 after a failure too
        assertThat(nodeNames()).containsExactly("antnode1", "antnode3");
    }

    @Test
    void intervalWithConnectionTimeoutIsAUsageErrorOnStartAndUpgrade() {
        antctl.add();
        for (String command : List.of("start", "upgrade")) {
            StandinFixture.Result r = antctl.run(command, "--interval", "100", "--connection-timeout", "30");

            assertThat(r.exit()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).startsWith("error: the argument '--interval <INTERVAL>' cannot be used with "
                    + "'--connection-timeout <CONNECTION_TIMEOUT>'");
        }
    }

    @Test
    void noSubcommandSucceedsWithoutOutput() {
        StandinFixture.Result r = antctl.run();

        // bin/cli/main.rs:1075: None => Ok(())
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void networkIdIsAByteAndNodeIpAnIpv4Address() {
        assertThat(antctl.add("--network-id", "256").exit()).isEqualTo(2);
        assertThat(antctl.add("--node-ip", "::1").exit()).isEqualTo(2);
        assertThat(antctl.add("--node-ip", "10.0.0.01").exit()).isEqualTo(2);
        assertThat(antctl.add("--network-id", "255", "--node-ip", "10.0.0.1").exit()).isZero();
    }

    @Test
    void runtimeErrorsStartWithError() {
        StandinFixture.Result r = antctl.run("stop", "--service-name", "antnode9");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: ").contains("antnode9");
    }

    @Test
    void anEmptyRegistryFileIsAnEmptyRegistry() throws IOException {
        Files.createDirectories(antctl.registryFile().getParent());
        Files.writeString(antctl.registryFile(), "");

        StandinFixture.Result status = antctl.run("status", "--json");
        StandinFixture.Result add = antctl.add();

        assertThat(status.exit()).isZero();
        assertThat(status.out()).isEmpty();
        assertThat(add.exit()).isZero();
        assertThat(nodeNames()).containsExactly("antnode1");
    }

    @Test
    void theRegistryIsTruncatedAndRewrittenInPlaceByEveryStatusJson() throws IOException {
        antctl.add();
        Object inode = Files.getAttribute(antctl.registryFile(), "unix:ino");
        String compact = antctl.registryText();
        Files.writeString(antctl.registryFile(), compact.replace(",", ", "));

        antctl.run("status", "--json");

        // registry.rs:173 File::create (truncate, same file), cmd/node.rs:389 save after every status
        assertThat(Files.getAttribute(antctl.registryFile(), "unix:ino")).isEqualTo(inode);
        assertThat(antctl.registryText()).isEqualTo(compact);
    }

    @Test
    void upgradeWithAPathAlwaysForcesEvenADowngrade() {
        antctl.add();
        Path older = antctl.distDir.resolve("0.4.16/antnode");

        StandinFixture.Result r = antctl.run("upgrade", "--path", older.toString(), "--do-not-start");

        assertThat(r.exit()).isZero();
        // cmd/node.rs:470 use_force = force || custom_bin_path.is_some(); cmd/mod.rs:123
        assertThat(r.out()).contains("Upgrade summary:\n✓ Forced antnode1 version change from 0.4.17 to 0.4.16.\n");
        assertThat(nodeField("antnode1", "version")).isEqualTo("0.4.16");
    }

    @Test
    void theAllAtLatestCheckCountsRemovedEntries() {
        antctl.add("--version", "0.4.16");
        antctl.run("remove", "--service-name", "antnode1");
        antctl.add();

        StandinFixture.Result r = antctl.run("upgrade", "--do-not-start");

        // cmd/node.rs:504-523 iterates node_registry.nodes (all entries); the Removed 0.4.16 one needs an upgrade
        assertThat(r.out()).doesNotContain("All nodes are at the latest version")
                .contains("Upgrade summary:\n- antnode2 did not require an upgrade\n");
    }

    private List<String> nodeNames() {
        Object root = Json.parse(antctl.run("status", "--json").out());
        return ((List<?>) ((Map<?, ?>) root).get("nodes")).stream()
                .map(n -> (String) ((Map<?, ?>) n).get("service_name")).toList();
    }

    private String nodeField(String service, String key) {
        Object root = Json.parse(antctl.run("status", "--json").out());
        return ((List<?>) ((Map<?, ?>) root).get("nodes")).stream().map(n -> (Map<?, ?>) n)
                .filter(n -> service.equals(n.get("service_name"))).map(n -> String.valueOf(n.get(key)))
                .findFirst().orElseThrow();
    }
}
