package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.1 (the rewards address is required at run time) and §5.3 (exit 1 with a color-eyre
 * report): production mode refuses a missing or empty address before anything is made
 * (AN: src/node.rs:58-76); a malformed one fails later, after the identity and chunks.mdb exist
 * (src/node.rs:366-383, src/payment/wallet.rs:69-99); other network modes report it then too.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeRewardsAddressIT extends V2ContractTestBase {
    private static final String CRITICAL = "configuration error: CRITICAL: Rewards address is not configured. "
            + "Set payment.rewards_address in config to your Arbitrum wallet address.";

    private static void assertRuntimeError(V2Container.Exec r, String message) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Error: \n   0: ").contains(message);
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void productionModeRefusesAMissingOrEmptyAddressBeforeMakingAnything(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("no-address");

        assertRuntimeError(c.run(binary(CURRENT), "--root-dir", dir), CRITICAL);
        assertRuntimeError(c.run(binary(CURRENT), "--root-dir", dir, "--rewards-address", ""), CRITICAL);
        assertRuntimeError(c.run(binary(CURRENT), "--root-dir", dir, "--rewards-address", "0xYOUR_ARBITRUM_ADDRESS_HERE"),
                CRITICAL);
        assertThat(c.exists(dir)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aMalformedAddressFailsAfterTheIdentityAndStoreWereMade(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("bad-address");

        assertRuntimeError(c.run(binary(CURRENT), "--root-dir", dir, "--rewards-address", "0x1234"),
                "payment error: Invalid rewards address length: expected 42 characters, got 6");
        assertThat(c.exists(dir + "/node_identity.key")).isTrue();
        assertThat(c.exists(dir + "/chunks.mdb/data.mdb")).isTrue();
        assertRuntimeError(c.run(binary(CURRENT), "--root-dir", dir, "--rewards-address", ADDRESS.substring(2) + "00"),
                "payment error: Invalid rewards address format: must start with '0x', got: ");
        assertRuntimeError(c.run(binary(CURRENT), "--root-dir", dir, "--rewards-address", "0x" + "g".repeat(40)),
                "payment error: Invalid rewards address: contains non-hex characters: 0x" + "g".repeat(40));
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void otherNetworkModesFailOnAMissingAddressLater(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("testnet");

        assertRuntimeError(c.run(binary(CURRENT), "--root-dir", dir, "--network-mode", "testnet"),
                "node startup failed: No rewards address configured. Set --rewards-address or payment.rewards_address in config.");
        assertThat(c.exists(dir + "/node_identity.key")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void upperCaseHexAndTheEnvFallbackAreAccepted(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("env-address");
        V2Container.Spawned node = c.spawn(Map.of("ANT_REWARDS_ADDRESS", "0X" + ADDRESS.substring(2).toUpperCase()),
                binary(CURRENT), "--root-dir", dir, "--enable-logging");

        awaitStdout(node, "Node running");
        assertThat(terminate(c, dir, node).exit()).isZero();
    }
}
