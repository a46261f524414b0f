package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.docker.ExecResult;
import io.antfleet.nodemanager.UpgradeSummary;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AntctlClientTest {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    private final List<String> warnings = new ArrayList<>();

    private AntctlClient client(FakeAntctl fake, AntctlSettings settings) {
        return new AntctlClient(fake, settings, warnings::add);
    }

    @Test
    void theDialectIsChosenFromTheVersionOnce() {
        FakeAntctl fake = new FakeAntctl("container a");
        AntctlClient client = client(fake, AntctlSettings.defaults());

        client.status();
        client.status();

        assertThat(client.dialect()).isInstanceOf(Dialect014.class);
        assertThat(fake.calls()).extracting(c -> c.get(0)).containsExactly("--version", "status", "status");
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnknownVersionIsDrivenWithTheNewestDialectAfterAWarning() {
        FakeAntctl fake = new FakeAntctl("container a", Golden.read("version-future.txt"));

        assertThat(client(fake, AntctlSettings.defaults()).dialect()).isInstanceOf(Dialect014.class);
        assertThat(warnings).singleElement().asString().contains("v0.15.0", "container a", "0.14");
    }

    @Test
    void anUnknownVersionIsRefusedWhenTheSettingSaysSo() {
        FakeAntctl fake = new FakeAntctl("container a", Golden.read("version-older.txt"));
        AntctlClient client = client(fake, AntctlSettings.defaults().withUnknownVersion(UnknownVersionPolicy.REFUSE));

        assertThatThrownBy(client::status).isInstanceOf(UnsupportedAntctlException.class)
                .hasMessageContaining("v0.13.1").hasMessageContaining("container a");
        assertThat(fake.calls()).extracting(c -> c.get(0)).containsExactly("--version");
    }

    @Test
    void aNightlyBuildCountsAsUnknown() {
        FakeAntctl fake = new FakeAntctl("container a", Golden.read("version-nightly.txt"));

        client(fake, AntctlSettings.defaults()).dialect();

        assertThat(warnings).singleElement().asString().contains("nightly 2026.02.03");
    }

    @Test
    void aRuntimeFailureCarriesTheCommandExitCodeAndStderr() {
        FakeAntctl fake = new FakeAntctl("container a")
                .failNext("add", new ExecResult(1, "", Golden.read("add-port-in-use.stderr.txt")));

        assertThatThrownBy(() -> client(fake, AntctlSettings.defaults()).add(AddRequest.of(1, WALLET, EvmNetwork.LOCAL)))
                .isInstanceOfSatisfying(AntctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.command()).startsWith("antctl", "add", "--count", "1");
                    assertThat(e.stderrExcerpt()).contains("Port 31001 is being used by another service");
                    assertThat(e.target()).isEqualTo("container a");
                    assertThat(e.getMessage()).contains("antctl add failed: Port 31001 is being used by another service");
                });
    }

    @Test
    void aUsageErrorReportsClapsMessage() {
        FakeAntctl fake = new FakeAntctl("container a")
                .failNext("status", new ExecResult(2, "", Golden.read("usage-error.stderr.txt")));

        assertThatThrownBy(() -> client(fake, AntctlSettings.defaults()).status())
                .isInstanceOfSatisfying(AntctlException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("unexpected argument '--port' found");
    }

    @Test
    void perNodeCrossLinesOfAFailedStopAreParsed() {
        FakeAntctl fake = new FakeAntctl("container a")
                .failNext("stop", new ExecResult(1, Golden.read("stop-failure.txt"), "Error: \n   0: Failed to stop one or more services\n"));

        assertThatThrownBy(() -> client(fake, AntctlSettings.defaults())
                .stop(new StopRequest(List.of(ServiceName.of("antnode1"), ServiceName.of("antnode2")), null)))
                .isInstanceOfSatisfying(AntctlException.class, e -> assertThat(e.failures())
                        .containsExactly(new NodeFailure("antnode2", "Failed to stop the service")))
                .hasMessageContaining("✕ antnode2: Failed to stop the service");
    }

    @Test
    void malformedStatusJsonWithExitZeroIsAnErrorNotAnEmptyFleet() {
        FakeAntctl fake = new FakeAntctl("container a")
                .failNext("status", new ExecResult(0, Golden.read("status-truncated.json"), ""));

        assertThatThrownBy(() -> client(fake, AntctlSettings.defaults()).status())
                .isInstanceOfSatisfying(AntctlException.class, e -> {
                    assertThat(e.exitCode()).isZero();
                    assertThat(e.command()).containsExactly("antctl", "status", "--json");
                }).hasMessageContaining("cannot read the output of antctl status");
    }

    @Test
    void aFailedUpgradeReturnsTheSummaryWithTheNodesThatFailedTiedToTheirLines() {
        FakeAntctl fake = new FakeAntctl("container a").failNext("upgrade", new ExecResult(1,
                Golden.read("upgrade-mixed.txt"), "Error: \n   0: There was a problem upgrading one or more nodes\n"));
        UpgradeRequest request = new UpgradeRequest(List.of(ServiceName.of("antnode1")), null, "0.4.17", false, false,
                null, null, null);

        UpgradeSummary summary = client(fake, AntctlSettings.defaults()).upgrade(request);

        assertThat(summary.failed()).extracting(o -> o.service().value() + " " + o.kind())
                .containsExactly("antnode5 FAILED", "antnode6 NOT_STARTED");
    }

    @Test
    void anUpgradeThatFailsWithoutASummaryRaises() {
        FakeAntctl fake = new FakeAntctl("container a").failNext("upgrade",
                new ExecResult(1, "", "Error: \n   0: Could not connect to RPC endpoint 'https://127.0.0.1:9'\n"));
        UpgradeRequest request = new UpgradeRequest(List.of(ServiceName.of("antnode1")), null, "0.4.17", false, false,
                null, null, null);

        assertThatThrownBy(() -> client(fake, AntctlSettings.defaults()).upgrade(request))
                .isInstanceOf(AntctlException.class).hasMessageContaining("Could not connect to RPC endpoint");
    }

    @Test
    void everyVerbGetsItsOwnBoundAndAStartWithoutIntervalWaitsForPeersPerNode() {
        FakeAntctl fake = new FakeAntctl("container a");
        AntctlClient client = client(fake, AntctlSettings.defaults());
        List<ServiceName> two = List.of(ServiceName.of("antnode1"), ServiceName.of("antnode2"));
        client.add(AddRequest.of(2, WALLET, EvmNetwork.LOCAL));

        client.start(new StartRequest(two, null, null));
        client.start(new StartRequest(two, Duration.ofSeconds(1), null));
        client.status();

        assertThat(fake.timeouts()).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(124),
                Duration.ofSeconds(30 + 2 * 302), Duration.ofSeconds(30 + 2 * 3), Duration.ofSeconds(30));
    }
}
