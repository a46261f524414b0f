package io.antfleet.standin.ant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/contracts/ant-v2-contract.md §1: the `ant` command line's global rules. */
class AntCliContractIT extends AntContractTestBase {

    @Test
    void versionIsOneLineAntZeroTwoZeroExitZero() {
        for (String flag : List.of("--version", "-V")) {
            AntAgent.Exec r = ant.ant(flag);
            assertThat(r.exit()).isZero();
            assertThat(r.out()).isEqualTo("ant 0.2.0\n");
        }
    }

    @Test
    void jsonIsGlobalAndCanGoBeforeOrAfterTheSubcommand() {
        ant.add();
        AntAgent.Exec after = ant.ok("node", "status", "--json");
        AntAgent.Exec before = ant.ok("--json", "node", "status");
        assertThat(before.out()).isEqualTo(after.out());
        assertThat(after.json().get("nodes").get(0).get("name").asText()).isEqualTo("node1");
    }

    @Test
    void verboseFlagIsIgnoredForNodeCommands() {
        AntAgent.Exec r = ant.ant("-vv", "node", "status", "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.json().get("nodes")).isEmpty();
    }

    @Test
    void dataCommandFlagsAreNotGlobal() {
        AntAgent.Exec r = ant.ant("node", "status", "--evm-network", "arbitrum-one");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: unexpected argument '--evm-network' found")
                .contains("Usage: ").endsWith("For more information, try '--help'.\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void usageErrorsExitTwoWithClapText() {
        AntAgent.Exec missing = ant.ant("node", "add");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: the following required arguments were not provided:\n  --rewards-address <REWARDS_ADDRESS>");
        AntAgent.Exec conflict = ant.ant("node", "add", "--rewards-address", AntAgent.ADDRESS, "--path", "/x", "--url", "http://x");
        assertThat(conflict.exit()).isEqualTo(2);
        assertThat(conflict.err()).startsWith("error: the argument '--path <PATH>' cannot be used with '--url <URL>'");
        AntAgent.Exec badCount = ant.ant("node", "add", "--rewards-address", AntAgent.ADDRESS, "--count", "x");
        assertThat(badCount.exit()).isEqualTo(2);
        assertThat(badCount.err()).startsWith("error: invalid value 'x' for '--count <COUNT>'");
    }

    @Test
    void thereIsNoRemoveRestartOrUpgradeSubcommand() {
        for (String sub : List.of("remove", "restart", "upgrade")) {
            AntAgent.Exec r = ant.ant("node", sub);
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("error: unrecognized subcommand '" + sub + "'");
        }
    }

    @Test
    void runtimeErrorsExitOneWithErrorOnStderrAndNothingOnStdoutEvenWithJson() {
        AntAgent.Exec r = ant.ant("node", "start", "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error: The daemon is not running. Start it first with: ant node daemon start\n");
    }

    @Test
    void withoutHomeNodeCommandsPanicWithExit101() {
        AntAgent.Exec r = agent.sh("env", "-u", "HOME", "-u", "XDG_DATA_HOME", "ant", "node", "status");
        assertThat(r.exit()).isEqualTo(101);
        assertThat(r.err()).contains("panicked");
    }

    @Test
    void dataDirIsXdgDataHomeAntElseHomeLocalShareAnt() {
        ant.add();
        assertThat(ant.exists(ant.home + "/ant/node_registry.json")).isTrue();
        AntAgent.Exec viaHome = agent.sh("env", "-u", "XDG_DATA_HOME", "HOME=" + ant.home + "/h", "ant", "node", "add", "--json",
                "--rewards-address", AntAgent.ADDRESS, "--path", agent.nodeBinary(agent.nodeVersions().get(0)));
        assertThat(viaHome.exit()).isZero();
        assertThat(viaHome.json().get("nodes_added").get(0).get("data_dir").asText())
                .isEqualTo(ant.home + "/h/.local/share/ant/nodes/node-1");
    }
}
