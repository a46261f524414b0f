package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.HttpLivenessProbe;
import io.antfleet.cli.CliRun;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.StandInContainers;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A node process or a whole container killed behind antfleet's back shows on the next import. Ports 50200-50299. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ContainerKilledIT {
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

    private static void byHand(ContainerInfo c, String... args) {
        ExecResult r = fixture.antctl(c.id(), true, args);
        assertThat(r.exitCode()).as("antctl %s: %s %s", List.of(args), r.stdout(), r.stderr()).isZero();
    }

    private static ContainerInfo twoRunningNodes(String purpose, int base) {
        ContainerInfo c = fixture.start(purpose, Map.of());
        byHand(c, "add", "--count", "2", "--node-port", base + "-" + (base + 1), "--metrics-port",
                (base + 30) + "-" + (base + 31), "--rpc-port", (base + 60) + "-" + (base + 61), "--no-upnp",
                "--rewards-address", WALLET, "evm-arbitrum-one");
        byHand(c, "start", "--service-name", "antnode1", "--service-name", "antnode2");
        return c;
    }

    private static ImportService service(FaultStore store) {
        return new ImportService(io.antfleet.engine.FleetEngines.local(fixture.docker()), new AntctlManagerFactory(fixture.docker(),
                AntctlFaultsIT.tightSettings(), new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))),
                store.containers(), store.nodes(), store.journal(), store.unit(), store.versions(), Clock.systemUTC());
    }

    private static List<NodeStatus> statuses(FaultStore store, ContainerInfo c) {
        long id = store.containers().findByName(c.name()).orElseThrow().id();
        return store.nodes().findByContainer(id).stream()
                .sorted(Comparator.comparing(Node::service)).map(Node::status).toList();
    }

    @Test
    void aNodeKilledWithSigkillIsStoppedAfterTheNextImport() throws Exception {
        ContainerInfo c = twoRunningNodes("node-killed", 50201);
        try (FaultStore store = FaultStore.create("nodekill")) {
            ImportService service = service(store);
            assertThat(service.importContainers(List.of(c.name()), Optional.empty()).allSucceeded()).isTrue();
            assertThat(statuses(store, c)).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING);
            JsonNode first = new ObjectMapper().readTree(fixture.antctl(c.id(), true, "status", "--json").stdout())
                    .get("nodes").get(0);
            assertThat(first.get("service_name").asText()).isEqualTo("antnode1");
            ExecResult kill = fixture.docker().exec(c.id(), List.of("kill", "-9", first.get("pid").asText()), "root",
                    Map.of(), null, Duration.ofSeconds(30));
            assertThat(kill.exitCode()).as(kill.stderr()).isZero();

            assertThat(service.importContainers(List.of(c.name()), Optional.empty()).allSucceeded()).isTrue();

            assertThat(statuses(store, c)).containsExactly(NodeStatus.STOPPED, NodeStatus.RUNNING);
        }
    }

    @Test
    void aKilledContainerIsReportedOnTheNextImportAndItsNodesAreNoLongerRunning() {
        ContainerInfo c = twoRunningNodes("container-killed", 50211);
        try (FaultStore store = FaultStore.create("containerkill")) {
            ImportService service = service(store);
            assertThat(service.importContainers(List.of(c.name()), Optional.empty()).allSucceeded()).isTrue();
            fixture.docker().stop(c.id(), Duration.ZERO);

            ImportReport report = service.importContainers(List.of(c.name()), Optional.empty());

            assertThat(report.allSucceeded()).isFalse();
            assertThat(report.containers().get(0).error()).contains(c.name()).contains("is not running");
            assertThat(store.containers().findByName(c.name()).orElseThrow().status()).isEqualTo("stopped");
            assertThat(statuses(store, c)).containsExactly(NodeStatus.STOPPED, NodeStatus.STOPPED);
        }
    }

    @Test
    void aKilledContainerIsStartedAgainByTheNextApplyWithItsNodesRunning(@TempDir Path dir)
            throws Exception {
        String fleet = "bench-it-kill-" + UUID.randomUUID().toString().substring(0, 6);
        Path spec = dir.resolve("fleet.yaml");
        Files.writeString(spec, "apiVersion: antfleet/v1\nfleet: " + fleet + "\nimage: "
                + StandInContainers.IMAGE + "\nprocessManager: antctl+sudo\nrewardsAddress: \"" + WALLET + "\"\n"
                + "noUpnp: true\nports: {node: 50250, metrics: 50260, rpc: 50270, blockSize: 10}\n"
                + "containers:\n  - name: c0\n    nodes: 2\n");
        try (FaultStore store = FaultStore.create("reapply")) {
            try {
                assertThat(apply(store, spec).code()).isZero();
                ContainerInfo c = fixture.docker().listByLabels(Map.of("antfleet.fleet", fleet)).get(0);
                fixture.docker().stop(c.id(), Duration.ZERO);
                assertThat(fixture.docker().inspect(c.id()).orElseThrow().running()).isFalse();

                CliRun again = apply(store, spec);

                assertThat(again.code()).as(again.err()).isZero();
                assertThat(fixture.docker().inspect(c.id()).orElseThrow().running()).isTrue();
                JsonNode nodes = new ObjectMapper().readTree(fixture.antctl(c.id(), true, "status", "--json").stdout())
                        .get("nodes");
                assertThat(nodes).hasSize(2).allSatisfy(n -> assertThat(n.get("status").asText()).isEqualTo("Running"));
            } finally {
                for (ContainerInfo c : fixture.docker().listByLabels(Map.of("antfleet.fleet", fleet))) {
                    fixture.docker().remove(c.id(), true); // and its named data volume
                }
            }
        }
    }

    private static CliRun apply(FaultStore store, Path spec) {
        return CliRun.of("--db", store.url(), "apply", spec.toString());
    }
}
