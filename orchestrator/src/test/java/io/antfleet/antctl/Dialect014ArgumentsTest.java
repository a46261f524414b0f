package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Dialect014ArgumentsTest {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    private final Dialect014 dialect = new Dialect014();

    @Test
    void aFullAddPutsEveryFlagBeforeTheNetworkSubcommandWhichComesLast() {
        EvmNetwork custom = new EvmNetwork.Custom("http://127.0.0.1:8545/",
                new WalletAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
                new WalletAddress("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"), Optional.empty());
        AddRequest request = new AddRequest(3, "/data/nodes", "/data/logs", null, "0.4.17", new PortRange(31001, 31003),
                new PortRange(32001, 32003), new PortRange(33001, 33003), true, WALLET,
                List.of(new EnvVar("RUST_LOG", "ant_node=debug,libp2p=info"), new EnvVar("ANT_X", "1")),
                List.of("--max-log-files", "5"), custom);

        assertThat(dialect.add(request)).containsExactly("add", "--count", "3",
                "--data-dir-path", "/data/nodes", "--log-dir-path", "/data/logs", "--version", "0.4.17",
                "--node-port", "31001-31003", "--metrics-port", "32001-32003", "--rpc-port", "33001-33003",
                "--no-upnp", "--rewards-address", "0x03B770D9cD32077cC0bF330c13C114a87643B124",
                "--env", "RUST_LOG=ant_node=debug,libp2p=info", "--env", "ANT_X=1", "--max-log-files", "5",
                "evm-custom", "--rpc-url", "http://127.0.0.1:8545/",
                "--payment-token-address", "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                "--data-payments-address", "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    }

    @Test
    void aSinglePortIsRenderedWithoutARangeAndTheBinaryGoesToPath() {
        AddRequest request = new AddRequest(1, null, null, "/opt/antnode", null, PortRange.single(31001), null, null,
                false, WALLET, null, null, EvmNetwork.ARBITRUM_ONE);

        assertThat(dialect.add(request)).containsExactly("add", "--count", "1", "--path", "/opt/antnode",
                "--node-port", "31001", "--rewards-address", WALLET.value(), "evm-arbitrum-one");
    }

    @Test
    void theMerklePaymentsAddressIsPassedWhenGiven() {
        EvmNetwork custom = new EvmNetwork.Custom("https://rpc.example.org", WALLET, WALLET, Optional.of(WALLET));

        assertThat(Dialect014.network(custom)).endsWith("--merkle-payments-address", WALLET.value());
        assertThat(Dialect014.network(EvmNetwork.named("evm-arbitrum-sepolia-test"))).containsExactly("evm-arbitrum-sepolia-test");
        assertThat(Dialect014.network(EvmNetwork.LOCAL)).containsExactly("evm-local");
    }

    @Test
    void batchesRepeatTheServiceNameFlag() {
        List<ServiceName> names = List.of(ServiceName.of("antnode1"), ServiceName.of("antnode3"));

        assertThat(dialect.stop(new StopRequest(names, null)))
                .containsExactly("stop", "--service-name", "antnode1", "--service-name", "antnode3");
        assertThat(dialect.remove(new RemoveRequest(names, true)))
                .containsExactly("remove", "--keep-directories", "--service-name", "antnode1", "--service-name", "antnode3");
    }

    @Test
    void startTakesItsIntervalInMillisecondsOrElseItsTimeoutInSecondsNeverBoth() {
        List<ServiceName> two = List.of(ServiceName.of("antnode2"));

        // bin/cli/main.rs:331/339: --interval conflicts with --connection-timeout (exit 2)
        assertThat(dialect.start(new StartRequest(two, Duration.ofMillis(1500), Duration.ofSeconds(45))))
                .containsExactly("start", "--interval", "1500", "--service-name", "antnode2");
        assertThat(dialect.start(new StartRequest(two, null, Duration.ofSeconds(45))))
                .containsExactly("start", "--connection-timeout", "45", "--service-name", "antnode2");
        assertThat(dialect.upgrade(new UpgradeRequest(two, null, "0.4.17", false, false, Duration.ofMillis(10),
                Duration.ofSeconds(45), List.of()))).contains("--interval").doesNotContain("--connection-timeout");
    }

    @Test
    void resetIsAlwaysForcedAndStatusAlwaysJson() {
        assertThat(dialect.resetForce()).containsExactly("reset", "--force");
        assertThat(dialect.statusJson()).containsExactly("status", "--json");
    }

    @Test
    void upgradeRendersItsOptionsBeforeTheSelectors() {
        UpgradeRequest request = new UpgradeRequest(List.of(ServiceName.of("antnode1")), "/opt/antnode-0.4.18", null,
                true, true, Duration.ofSeconds(2), null, List.of(new EnvVar("A", "b")));

        assertThat(dialect.upgrade(request)).containsExactly("upgrade", "--path", "/opt/antnode-0.4.18", "--force",
                "--do-not-start", "--interval", "2000", "--env", "A=b", "--service-name", "antnode1");
    }
}
