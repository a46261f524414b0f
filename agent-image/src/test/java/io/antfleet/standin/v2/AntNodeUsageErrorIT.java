package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.1 and §5.3: clap usage errors exit 2 with clap's message on stderr, nothing on stdout,
 * and the node does nothing (no root dir is made). Covers the flags that do not exist, bad values, an env value
 * that is not a bare log level (§5.2), repeats, a missing value and positional arguments.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AntNodeUsageErrorIT extends V2ContractTestBase {
    /** §5.1 "Flags that do not exist". */
    private static final List<String> NOT_FLAGS = List.of("--ip", "--node-ip", "--rpc", "--relay", "--no-upnp",
            "--network-id", "--peer", "--first", "--local", "--owner", "--metrics-server-port", "--max-log-files",
            "--migrate-ant-data", "--bootstrap-cache-dir", "--disable-bootstrap-cache", "--bootstrap-cache-capacity");

    private V2Container.Exec node(V2Image image, Map<String, String> env, String dir, String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = binary(CURRENT);
        args[1] = "--rewards-address";
        args[2] = ADDRESS;
        args[3] = "--root-dir";
        args[4] = dir;
        System.arraycopy(extra, 0, args, 5, extra.length);
        return on(image).run(env, args);
    }

    private void assertUsageError(V2Image image, V2Container.Exec r, String dir, String message) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: " + message).endsWith("For more information, try '--help'.\n");
        assertThat(on(image).exists(dir)).as("root dir made despite the usage error").isFalse();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void flagsThatDoNotExistAreRejectedWithUsage(V2Image image) {
        for (String flag : NOT_FLAGS) {
            String dir = freshDir("unknown");
            V2Container.Exec r = node(image, Map.of(), dir, flag, "1");

            assertUsageError(image, r, dir, "unexpected argument '" + flag + "' found");
            assertThat(r.err()).contains("\nUsage: ant-node [OPTIONS]\n");
        }
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aSimilarFlagIsSuggestedAsClapDoes(V2Image image) {
        String dir = freshDir("similar");
        V2Container.Exec r = node(image, Map.of(), dir, "--ip");

        assertUsageError(image, r, dir, "unexpected argument '--ip' found");
        assertThat(r.err()).contains("  tip: a similar argument exists: '--ipv4-only'");
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void positionalArgumentsAreRejected(V2Image image) {
        String dir = freshDir("positional");

        assertUsageError(image, node(image, Map.of(), dir, "run"), dir, "unexpected argument 'run' found");
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void badValuesAreRejected(V2Image image) {
        String[][] cases = {
            {"--port", "70000", "invalid value '70000' for '--port <PORT>': 70000 is not in 0..=65535"},
            {"--port", "abc", "invalid value 'abc' for '--port <PORT>': invalid digit found in string"},
            {"--metrics-port", "65536", "invalid value '65536' for '--metrics-port <METRICS_PORT>'"},
            {"--upgrade-channel", "nightly", "invalid value 'nightly' for '--upgrade-channel <UPGRADE_CHANNEL>'\n  [possible values: stable, beta]"},
            {"--evm-network", "arbitrum", "invalid value 'arbitrum' for '--evm-network <EVM_NETWORK>'\n  [possible values: arbitrum-one, arbitrum-sepolia]"},
            {"--network-mode", "local", "invalid value 'local' for '--network-mode <NETWORK_MODE>'"},
            {"--log-level", "INFO", "invalid value 'INFO' for '--log-level <LOG_LEVEL>'"},
            {"--log-format", "xml", "invalid value 'xml' for '--log-format <LOG_FORMAT>'"},
            {"--cache-capacity", "many", "invalid value 'many' for '--cache-capacity <CACHE_CAPACITY>': invalid digit found in string"},
            // §2.2: a multiaddr is not an IP:PORT SocketAddr, so the node exits at once
            {"--bootstrap", "/ip4/1.2.3.4/udp/10000/quic-v1", "invalid value '/ip4/1.2.3.4/udp/10000/quic-v1' for '--bootstrap <BOOTSTRAP>': invalid socket address syntax"},
            {"-b", "1.2.3.4", "invalid value '1.2.3.4' for '--bootstrap <BOOTSTRAP>': invalid socket address syntax"},
        };
        for (String[] c : cases) {
            String dir = freshDir("value");
            assertUsageError(image, node(image, Map.of(), dir, c[0], c[1]), dir, c[2]);
        }
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void envFallbacksAreCheckedLikeFlags(V2Image image) {
        String dir = freshDir("env");
        V2Container.Exec logLevel = node(image, Map.of("RUST_LOG", "info,foo=debug"), dir);
        V2Container.Exec port = node(image, Map.of("ANT_PORT", "x"), dir);

        assertUsageError(image, logLevel, dir,
                "invalid value 'info,foo=debug' for '--log-level <LOG_LEVEL>'\n  [possible values: error, warn, info, debug, trace]");
        assertUsageError(image, port, dir, "invalid value 'x' for '--port <PORT>'");
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aRepeatedOrValuelessFlagIsAUsageError(V2Image image) {
        String dir = freshDir("repeat");
        V2Container.Exec repeated = node(image, Map.of(), dir, "--port", "1", "--port", "2");
        V2Container.Exec valueless = node(image, Map.of(), dir, "--log-dir");
        V2Container.Exec flagWithValue = node(image, Map.of(), dir, "--ipv4-only=yes");

        assertUsageError(image, repeated, dir, "the argument '--port <PORT>' cannot be used multiple times");
        assertUsageError(image, valueless, dir, "a value is required for '--log-dir <LOG_DIR>' but none was supplied");
        assertUsageError(image, flagWithValue, dir, "unexpected value 'yes' for '--ipv4-only' found; no more were expected");
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void helpListsEveryFlagAndExitsZero(V2Image image) {
        V2Container.Exec r = on(image).run(binary(CURRENT), "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: ant-node [OPTIONS]");
        for (String flag : List.of("--root-dir", "--port", "--ipv4-only", "--bootstrap", "--upgrade-channel",
                "--cache-capacity", "--rewards-address", "--evm-network", "--evm-rpc-url", "--evm-payment-token",
                "--evm-payment-vault", "--metrics-port", "--enable-logging", "--log-level", "--log-format", "--log-dir",
                "--log-max-files", "--network-mode", "--config", "--stop-on-upgrade", "--help", "--version")) {
            assertThat(r.out()).contains(flag);
        }
    }
}
