package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.AntctlTimeouts;
import io.antfleet.antctl.HttpLivenessProbe;
import io.antfleet.antctl.UnknownVersionPolicy;
import io.antfleet.cli.CliRun;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.StandInContainers;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.fleet.Node;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** antctl hanging or printing half its JSON, seen by the caller (import) and by the CLI. Ports 50100-50199. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AntctlFaultsIT {
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

    private static ContainerInfo withOneNode(String purpose, int port) {
        ContainerInfo c = fixture.start(purpose, Map.of());
        ExecResult r = fixture.antctl(c.id(), true, "add", "--count", "1", "--node-port", Integer.toString(port),
                "--metrics-port", Integer.toString(port + 30), "--rpc-port", Integer.toString(port + 60), "--no-upnp",
                "--rewards-address", WALLET, "evm-arbitrum-one");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return c;
    }

    @Test
    void aHangingAntctlIsKilledAtItsBoundTheOtherContainerStillImportsAndTheNextImportTakesItToo() {
        ContainerInfo healthy = withOneNode("healthy", 50101);
        ContainerInfo hanging = withOneNode("hanging", 50102);
        fixture.fault(hanging.id(), "status hang=60 times=1");
        try (FaultStore store = FaultStore.create("hang")) {
            ImportService service = new ImportService(io.antfleet.engine.FleetEngines.local(fixture.docker()), new AntctlManagerFactory(fixture.docker(),
                    tightSettings(), new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))), store.containers(),
                    store.nodes(), store.journal(), store.unit(), store.versions(), Clock.systemUTC());

            ImportReport first = service.importContainers(List.of(hanging.name(), healthy.name()), Optional.empty());

            assertThat(first.containers().get(0).error()).contains(hanging.name()).contains("did not finish within 3 s");
            assertThat(first.containers().get(1).error()).isNull();
            assertThat(store.containers().findByName(hanging.name())).isEmpty();
            assertThat(fixture.docker().exec(hanging.id(), List.of("ps"), "root", Map.of(), null, Duration.ofSeconds(30))
                    .stdout()).doesNotContain("status");

            ImportReport retry = service.importContainers(List.of(hanging.name(), healthy.name()), Optional.empty());

            assertThat(retry.allSucceeded()).isTrue();
            long id = store.containers().findByName(hanging.name()).orElseThrow().id();
            assertThat(store.nodes().findByContainer(id)).extracting(n -> n.service().value()).containsExactly("antnode1");
        }
    }

    @Test
    void truncatedJsonMakesImportExitOneNamingTheContainerAndChangesNoRow() {
        ContainerInfo c = withOneNode("truncated", 50111);
        try (FaultStore store = FaultStore.create("truncated")) {
            assertThat(cli(store.url(), c.name()).code()).isZero();
            String before = store.snapshot();
            fixture.fault(c.id(), "status json=truncated times=1");

            CliRun run = cli(store.url(), c.name());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err() + run.out()).contains(c.name()).contains("cannot read the output of antctl status");
            assertThat(store.snapshot()).isEqualTo(before);
            List<Node> nodes = store.nodes().findAll();
            assertThat(nodes).hasSize(1);
        }
    }

    static CliRun cli(String dbUrl, String container) {
        return CliRun.of("--db", dbUrl, "import", "--container", container);
    }

    static AntctlSettings tightSettings() {
        AntctlTimeouts tight = new AntctlTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        return new AntctlSettings("antctl", "ant", List.of("timeout", "-s", "KILL"), Duration.ofSeconds(5),
                UnknownVersionPolicy.WARN, tight, null, null);
    }
}
