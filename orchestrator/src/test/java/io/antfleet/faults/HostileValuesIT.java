package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.antctl.AddRequest;
import io.antfleet.docker.RecordingGateway;
import io.antfleet.antctl.AntctlManager;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.HttpLivenessProbe;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.StandInContainers;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile values meant for antctl never reach a container: every one is refused while its request is
 * built, before any exec (the gateway's exec log stays empty and the registry is unchanged). Ports 50000-50099.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileValuesIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static StandInContainers fixture;

    @BeforeAll
    static void fixture() {
        fixture = new StandInContainers("bench-it");
    }

    @AfterAll
    static void cleanUp() {
        fixture.close();
    }

    @Test
    void hostileServiceNamesDataDirsPathsAndWalletsAreRejectedBeforeAnyExec() {
        ContainerInfo c = fixture.start("hostile", Map.of());
        ExecResult added = fixture.antctl(c.id(), true, "add", "--count", "1", "--node-port", "50001",
                "--metrics-port", "50011", "--rpc-port", "50021", "--no-upnp", "--rewards-address", WALLET,
                "evm-arbitrum-one");
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        String registryBefore = registry(c);
        RecordingGateway gateway = new RecordingGateway(fixture.docker());
        AntctlManager m = new AntctlManagerFactory(gateway, AntctlSettings.defaults(),
                new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))).forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO);
        m.version();
        gateway.clear();

        Map<String, ThrowingCallable> attempts = Map.of(
                "service name with ;", () -> m.start(List.of(ServiceName.of("antnode1; touch /tmp/pwned"))),
                "service name with $()", () -> m.stop(List.of(ServiceName.of("$(touch /tmp/pwned)"))),
                "service name with a space", () -> m.remove(List.of(ServiceName.of("antnode 1")), false),
                "data dir with ..", () -> m.create(new AddRequest(1, "/var/antctl/../../etc", null, null, null, null,
                        null, null, true, new WalletAddress(WALLET), List.of(), List.of(), EvmNetwork.ARBITRUM_ONE)),
                "log dir with $()", () -> m.create(new AddRequest(1, null, "/var/log/$(touch /tmp/pwned)", null, null,
                        null, null, null, true, new WalletAddress(WALLET), List.of(), List.of(), EvmNetwork.ARBITRUM_ONE)),
                "bad wallet", () -> m.create(AddRequest.of(1, new WalletAddress("0x12; touch /tmp/pwned"),
                        EvmNetwork.ARBITRUM_ONE)),
                "short wallet", () -> m.create(AddRequest.of(1, new WalletAddress("0x03B770D9"), EvmNetwork.ARBITRUM_ONE)));
        attempts.forEach((what, attempt) -> assertThatThrownBy(attempt).as(what)
                .isInstanceOf(IllegalArgumentException.class));

        assertThat(gateway.execs()).isEmpty();
        assertThat(registry(c)).isEqualTo(registryBefore);
        assertThat(fixture.docker().exec(c.id(), List.of("ls", "/tmp"), "root", Map.of(), null, Duration.ofSeconds(30))
                .stdout()).doesNotContain("pwned");
    }

    private static String registry(ContainerInfo c) {
        ExecResult r = fixture.docker().exec(c.id(), List.of("cat", "/var/antctl/node_registry.json"), "root", Map.of(),
                null, Duration.ofSeconds(30));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout();
    }
}
