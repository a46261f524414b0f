package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.AntctlTimeouts;
import io.antfleet.antctl.HttpLivenessProbe;
import io.antfleet.antctl.UnknownVersionPolicy;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.StandInContainers;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.store.TestStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Import of containers populated by running antctl by hand inside them. Ports 34000-35999. Starts by
 * hand wait for peers (no --interval): the stand-in's answer on the rpc port may be slow on a loaded host.
 * The store is {@link TestStore}: the real embedded database once the store module is in.
 */
class ImportIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static StandInContainers fixture;
    private TestStore store;

    @BeforeAll
    static void fixture() {
        fixture = new StandInContainers();
    }

    @AfterAll
    static void cleanUp() {
        fixture.close();
    }

    @BeforeEach
    void freshStore() {
        store = TestStore.embedded();
    }

    private ImportService service(AntctlSettings settings) {
        return new ImportService(io.antfleet.engine.FleetEngines.local(fixture.docker()), new AntctlManagerFactory(fixture.docker(), settings,
                new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))), store.containers(), store.nodes(), store.journal(),
                store.unit(), store.versions(), Clock.systemUTC());
    }

    private static void byHand(ContainerInfo c, boolean root, String... args) {
        ExecResult r = fixture.antctl(c.id(), root, args);
        assertThat(r.exitCode()).as("antctl %s: %s %s", List.of(args), r.stdout(), r.stderr()).isZero();
    }

    /** Three nodes added, two started, one of them stopped again, one removed: every status antctl has. */
    private static ContainerInfo populated(String purpose, Map<String, String> labels, boolean root, int base) {
        ContainerInfo c = fixture.start(purpose, labels);
        if (!root) {
            fixture.systemdHost(c.id());
        }
        byHand(c, root, "add", "--count", "4", "--node-port", (34000 + base) + "-" + (34003 + base),
                "--metrics-port", (35000 + base) + "-" + (35003 + base),
                "--rpc-port", (35500 + base) + "-" + (35503 + base), "--no-upnp", "--rewards-address", WALLET,
                "evm-arbitrum-one");
        byHand(c, root, "start", "--service-name", "antnode1", "--service-name", "antnode2");
        byHand(c, root, "stop", "--service-name", "antnode2");
        byHand(c, root, "remove", "--service-name", "antnode3");
        return c;
    }

    private static List<org.assertj.core.groups.Tuple> statusInside(ContainerInfo c, boolean root) throws Exception {
        ExecResult r = fixture.antctl(c.id(), root, "status", "--json");
        JsonNode nodes = new ObjectMapper().readTree(r.stdout()).get("nodes");
        List<org.assertj.core.groups.Tuple> expected = new ArrayList<>();
        for (JsonNode n : nodes) {
            String rpc = n.get("rpc_socket_addr").asText();
            expected.add(tuple(n.get("service_name").asText(), n.get("number").asInt(),
                    NodeStatus.fromAntctl(n.get("status").asText()), n.get("node_port").asInt(),
                    n.get("metrics_port").asInt(), Integer.parseInt(rpc.substring(rpc.lastIndexOf(':') + 1))));
        }
        return expected;
    }

    @Test
    void importReportsAndRecordsWhatAntctlStatusShowsInsideTheContainer() throws Exception {
        ContainerInfo c = populated("import", Map.of(), true, 1);

        ImportReport report = service(AntctlSettings.defaults()).importContainers(List.of(c.name()), Optional.empty());

        assertThat(report.allSucceeded()).as(report.toString()).isTrue();
        List<org.assertj.core.groups.Tuple> inside = statusInside(c, true);
        assertThat(inside).extracting(t -> t.toList().get(2))
                .containsExactly(NodeStatus.RUNNING, NodeStatus.STOPPED, NodeStatus.DEAD, NodeStatus.STOPPED);
        assertThat(report.containers().get(0).nodes()).extracting(ImportReport.ImportedNode::service,
                ImportReport.ImportedNode::number, ImportReport.ImportedNode::status, ImportReport.ImportedNode::nodePort,
                ImportReport.ImportedNode::metricsPort, ImportReport.ImportedNode::rpcPort).containsExactlyElementsOf(inside);
        Container row = store.containers().findByDockerId(c.id()).orElseThrow();
        assertThat(row.name()).isEqualTo(c.name());
        assertThat(row.processManager()).isEqualTo(ProcessManager.ANTCTL_SUDO);
        assertThat(store.nodes().findByContainer(row.id())).extracting(n -> n.service().value(), Node::number,
                Node::status, Node::nodePort, Node::metricsPort, Node::rpcPort).containsExactlyElementsOf(inside);
    }

    @Test
    void aUserModeContainerIsImportedFromTheNonRootRegistryByItsLabel() throws Exception {
        ContainerInfo c = populated("import-user", Map.of("antfleet.process-manager", "antctl+user"), false, 11);

        ImportReport report = service(AntctlSettings.defaults()).importContainers(List.of(c.id()), Optional.empty());

        assertThat(report.containers().get(0).processManager()).isEqualTo(ProcessManager.ANTCTL_USER);
        assertThat(report.containers().get(0).nodes()).extracting(ImportReport.ImportedNode::service,
                ImportReport.ImportedNode::number, ImportReport.ImportedNode::status, ImportReport.ImportedNode::nodePort,
                ImportReport.ImportedNode::metricsPort, ImportReport.ImportedNode::rpcPort)
                .containsExactlyElementsOf(statusInside(c, false));
        assertThat(store.containers().findByDockerId(c.id()).orElseThrow().processManager())
                .isEqualTo(ProcessManager.ANTCTL_USER);
    }

    @Test
    void reImportUpdatesAndNeverDuplicatesAndTwoAntnode1sStaySeparate() {
        ContainerInfo a = populated("import-a", Map.of(), true, 21);
        ContainerInfo b = populated("import-b", Map.of(), true, 31);
        ImportService service = service(AntctlSettings.defaults());
        service.importContainers(List.of(a.name(), b.name()), Optional.empty());
        List<Long> ids = store.nodes().findAll().stream().map(Node::id).sorted().toList();
        byHand(a, true, "start", "--service-name", "antnode2");

        service.importContainers(List.of(a.name(), b.name()), Optional.empty());

        assertThat(store.containers().findAll()).hasSize(2);
        assertThat(store.nodes().findAll()).hasSize(8);
        assertThat(store.nodes().findAll().stream().map(Node::id).sorted().toList()).isEqualTo(ids);
        long ia = store.containers().findByName(a.name()).orElseThrow().id();
        long ib = store.containers().findByName(b.name()).orElseThrow().id();
        assertThat(store.nodes().find(ia, io.antfleet.fleet.ServiceName.of("antnode2")).orElseThrow().status())
                .isEqualTo(NodeStatus.RUNNING);
        assertThat(store.nodes().find(ib, io.antfleet.fleet.ServiceName.of("antnode2")).orElseThrow().status())
                .isEqualTo(NodeStatus.STOPPED);
        assertThat(store.nodes().find(ia, io.antfleet.fleet.ServiceName.of("antnode1")).orElseThrow().nodePort())
                .isEqualTo(34021);
        assertThat(store.nodes().find(ib, io.antfleet.fleet.ServiceName.of("antnode1")).orElseThrow().nodePort())
                .isEqualTo(34031);
        // Docker's name filter matches part of a name: a name only part of a container's is no container's
        String part = a.name().substring(0, a.name().length() - 1);
        ImportReport partly = service.importContainers(List.of(part), Optional.empty());
        assertThat(partly.containers().get(0).error()).isEqualTo("no container named " + part);
        assertThat(store.containers().findAll()).hasSize(2);
    }

    @Test
    void eachStatusFaultGivesAClearErrorAndLeavesTheDatabaseUnchanged() {
        ContainerInfo c = populated("import-fault", Map.of(), true, 41);
        AntctlTimeouts tight = new AntctlTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        ImportService service = service(new AntctlSettings("antctl", "ant", List.of("timeout", "-s", "KILL"),
                Duration.ofSeconds(5), UnknownVersionPolicy.WARN, tight, null, null));
        service.importContainers(List.of(c.name()), Optional.empty());
        byHand(c, true, "start", "--service-name", "antnode4");
        String before = store.snapshot();

        Map<String, String> faults = Map.of(
                "status json=truncated times=1", "cannot read the output of antctl status",
                "status json=malformed times=1", "cannot read the output of antctl status",
                "status exit=1 message=registry is locked times=1", "registry is locked",
                "status hang=60 times=1", "did not finish within 3 s");
        faults.forEach((fault, message) -> {
            fixture.fault(c.id(), fault);

            ImportReport report = service.importContainers(List.of(c.name()), Optional.empty());

            assertThat(report.allSucceeded()).as(fault).isFalse();
            assertThat(report.containers().get(0).error()).as(fault).contains(message).contains(c.name());
            assertThat(store.snapshot()).as(fault).isEqualTo(before);
        });
    }
}
