package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.1: every flag of ant-node 0.14.2 is accepted, in long and short form, with its env
 * fallback; §3.5: the exact argv the ant daemon spawns a node with runs; the custom EVM needs token and vault
 * (exit 1); §7 #13: a --config file is refused by the stand-in (README). Ports: offsets 0-99 of V2ContractTestBase#port.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeFlagSetIT extends V2ContractTestBase {

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aNodeStartsWithEveryFlagOfTheContract(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("all-flags");
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, "--root-dir", dir, "-p", "0", "--ipv4-only",
                "--bootstrap", "10.0.0.1:10000", "-b", "[fd00::1]:10001", "--upgrade-channel", "beta",
                "--cache-capacity", "5", "--rewards-address", ADDRESS, "--evm-network", "arbitrum-sepolia",
                "--metrics-port", "9101", "--enable-logging", "--log-level", "debug", "--log-format", "text",
                "--log-max-files", "3", "--network-mode", "testnet", "--stop-on-upgrade");

        awaitStdout(node, "Node running, waiting for shutdown signal");
        assertThat(node.out()).contains("Bootstrap peers provided via CLI count=2");
        assertThat(terminate(c, dir, node).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void theDaemonsArgvRuns(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("daemon-argv");
        String logs = dir + "-logs";
        c.run("mkdir", "-p", dir);
        c.run("cp", binary(CURRENT), dir + "/ant-node");
        V2Container.Spawned node = c.spawn(Map.of(), dir + "/ant-node", "--rewards-address", ADDRESS, "--root-dir",
                dir, "--enable-logging", "--log-dir", logs, "--port", String.valueOf(port(image, 10)), "--metrics-port", String.valueOf(port(image, 11)),
                "--bootstrap", "10.0.0.1:10000", "--stop-on-upgrade");

        awaitBound(c, node, port(image, 10));
        assertThat(terminate(c, dir, node).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void envFallbacksConfigureTheNode(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("env");
        V2Container.Spawned node = c.spawn(Map.of("ANT_REWARDS_ADDRESS", ADDRESS, "ANT_ROOT_DIR", dir,
                "ANT_PORT", String.valueOf(port(image, 20)), "ANT_IPV4_ONLY", "true", "ANT_ENABLE_LOGGING", "true", "RUST_LOG", "info"),
                binary(CURRENT));

        awaitStdout(node, "Node is running on port: " + port(image, 20));
        assertThat(c.udpPorts("udp")).contains(port(image, 20));
        assertThat(c.exists(dir + "/node_identity.key")).isTrue();
        long pid = c.pidsMatching(args -> args.equals(binary(CURRENT))).get(0);
        assertThat(signal(c, pid, "TERM", node).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aCustomEvmNeedsTokenAndVault(V2Image image) {
        String dir = freshDir("evm");
        V2Container.Exec noToken = on(image).run(binary(CURRENT), "--rewards-address", ADDRESS, "--root-dir", dir,
                "--evm-rpc-url", "http://127.0.0.1:8545");
        V2Container.Exec noVault = on(image).run(binary(CURRENT), "--rewards-address", ADDRESS, "--root-dir", dir,
                "--evm-rpc-url", "http://127.0.0.1:8545", "--evm-payment-token", "0x1");

        assertThat(noToken.exit()).isEqualTo(1);
        assertThat(noToken.err()).startsWith("Error: \n   0: ").contains("--evm-payment-token is required when --evm-rpc-url is set");
        assertThat(noVault.exit()).isEqualTo(1);
        assertThat(noVault.err()).contains("--evm-payment-vault is required when --evm-rpc-url is set");
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aConfigFileIsRefused(V2Image image) {
        String dir = freshDir("config");
        V2Container.Exec missing = on(image).run(binary(CURRENT), "--rewards-address", ADDRESS, "--root-dir", dir,
                "--config", "/nonexistent.toml");
        V2Container.Exec present = on(image).run(binary(CURRENT), "--rewards-address", ADDRESS, "--root-dir", dir,
                "-c", "/etc/passwd");

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("I/O error: No such file or directory (os error 2)");
        assertThat(present.exit()).isEqualTo(1);
        assertThat(present.err()).contains("does not read --config files");
    }
}
