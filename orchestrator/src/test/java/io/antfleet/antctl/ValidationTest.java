package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");

    private static AddRequest withPaths(String dataDir) {
        return new AddRequest(1, dataDir, null, null, null, null, null, null, false, WALLET, null, null,
                EvmNetwork.ARBITRUM_ONE);
    }

    @Test
    void serviceNamesWithShellCharactersAreRejected() {
        assertThatThrownBy(() -> ServiceName.of("antnode1; rm -rf /")).hasMessageContaining("invalid service name");
        assertThatThrownBy(() -> ServiceName.of("antnode$(id)")).hasMessageContaining("antnode<N>");
        assertThatThrownBy(() -> ServiceName.of("antnode 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void walletsMustBeZeroXAndFortyHexDigits() {
        assertThatThrownBy(() -> new WalletAddress("0x123")).hasMessageContaining("40 hex digits");
        assertThatThrownBy(() -> new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B12;")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void pathsMustBeAbsoluteAndFreeOfParentReferences() {
        assertThatThrownBy(() -> withPaths("data/nodes")).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> withPaths("/data/../etc")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> withPaths("/data/my nodes")).hasMessageContaining("/data/my nodes");
        assertThatThrownBy(() -> withPaths("/data/$(reboot)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentKeysAndValuesMustBeSafeTokens() {
        assertThatThrownBy(() -> new EnvVar("MY VAR", "1")).hasMessageContaining("environment variable name");
        assertThatThrownBy(() -> new EnvVar("X", "a;reboot")).hasMessageContaining("value of environment variable X");
        assertThatThrownBy(() -> new EnvVar("X", "$(id)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvVar.parse("NOEQUALS")).hasMessageContaining("KEY=VALUE");
    }

    @Test
    void extraArgumentsMustBeSingleTokens() {
        assertThatThrownBy(() -> new AddRequest(1, null, null, null, null, null, null, null, false, WALLET, null,
                List.of("--foo bar"), EvmNetwork.ARBITRUM_ONE)).hasMessageContaining("extra antctl argument");
        assertThatThrownBy(() -> new AddRequest(1, null, null, null, null, null, null, null, false, WALLET, null,
                List.of("`id`"), EvmNetwork.ARBITRUM_ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPortRangeMustHoldOnePortPerNode() {
        assertThatThrownBy(() -> new AddRequest(3, null, null, null, null, PortRange.single(31001), null, null, false,
                WALLET, null, null, EvmNetwork.ARBITRUM_ONE)).hasMessageContaining("3 node(s)");
    }

    @Test
    void aCustomNetworkUrlWithShellCharactersIsRejected() {
        assertThatThrownBy(() -> AddRequest.of(1, WALLET, new EvmNetwork.Custom("http://x;reboot", WALLET, WALLET, Optional.empty())))
                .hasMessageContaining("EVM rpc url");
        assertThatThrownBy(() -> EvmNetwork.named("evm-mainnet")).hasMessageContaining("unknown EVM network");
    }

    @Test
    void anEmptyBatchIsRejectedBecauseAntctlWouldActOnEveryNode() {
        assertThatThrownBy(() -> new StopRequest(List.of(), null)).hasMessageContaining("every node");
    }

    @Test
    void aBinaryPathAndAVersionCannotBothBeGiven() {
        assertThatThrownBy(() -> new AddRequest(1, null, null, "/opt/antnode", "0.4.17", null, null, null, false,
                WALLET, null, null, EvmNetwork.ARBITRUM_ONE)).hasMessage(
                        "give either an antnode binary path (/opt/antnode) or a version to download (0.4.17), not both");
        assertThatThrownBy(() -> new UpgradeRequest(List.of(ServiceName.of("antnode1")), "/opt/antnode", "0.4.17", false,
                false, null, null, null)).hasMessage(
                        "give either an antnode binary path (/opt/antnode) or a version (0.4.17) to upgrade to, not both");
        assertThatThrownBy(() -> new UpgradeRequest(List.of(ServiceName.of("antnode1")), "relative/antnode", null, false,
                false, null, null, null)).hasMessageContaining("antnode binary path");
        assertThatThrownBy(() -> new AddRequest(1, null, null, null, "latest", null, null, null, false,
                WALLET, null, null, EvmNetwork.ARBITRUM_ONE)).hasMessageContaining("version like");
    }
}
