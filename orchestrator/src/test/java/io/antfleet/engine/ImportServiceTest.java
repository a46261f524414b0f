package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.antctl.AddRequest;
import io.antfleet.antctl.AntctlClient;
import io.antfleet.antctl.AntctlManager;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.antctl.LivenessProbe;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportServiceTest {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final MemoryStore store = new MemoryStore();
    private final LivenessProbe probe = port -> LivenessProbe.ProbeResult.dead("not probed in this test");
    private final ImportService service = new ImportService(io.antfleet.engine.FleetEngines.local(docker),
            new AntctlManagerFactory(docker, AntctlSettings.defaults(), probe), store.containers, store.nodes,
            store.journal, new DirectWork(), store.versions(), Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));

    private FakeAntctl container(String id, String name, Map<String, String> labels, int nodes) {
        FakeAntctl antctl = new FakeAntctl("container " + name);
        docker.withContainer(id, name, labels).onExec(id, antctl.execHandler());
        if (nodes > 0) {
            manager(antctl).create(new AddRequest(nodes, null, null, null, null, new PortRange(31001, 31000 + nodes),
                    new PortRange(32001, 32000 + nodes), null, true, WALLET, null, null, EvmNetwork.LOCAL));
        }
        return antctl;
    }

    private static AntctlManager manager(FakeAntctl antctl) {
        return new AntctlManager(new AntctlClient(antctl, AntctlSettings.defaults(), w -> { }),
                port -> LivenessProbe.ProbeResult.dead("x"), AntctlSettings.defaults());
    }

    private static List<ServiceName> names(String... values) {
        return java.util.Arrays.stream(values).map(ServiceName::of).toList();
    }

    @Test
    void everyLabelledContainerIsImportedAndTwoAntnode1sStaySeparate() {
        container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 2);
        container("id-b", "beta", Map.of("antfleet.fleet", "other"), 1);
        container("id-c", "unrelated", Map.of(), 1);

        ImportReport report = service.importContainers(List.of(), Optional.empty());

        assertThat(report.allSucceeded()).isTrue();
        assertThat(report.containers()).extracting(ImportReport.ContainerImport::name).containsExactly("alpha", "beta");
        assertThat(store.containers.findAll()).extracting(Container::name).containsExactly("alpha", "beta");
        long alpha = store.containers.findByName("alpha").orElseThrow().id();
        long beta = store.containers.findByName("beta").orElseThrow().id();
        assertThat(store.nodes.find(alpha, ServiceName.of("antnode1"))).isPresent();
        assertThat(store.nodes.find(beta, ServiceName.of("antnode1"))).isPresent();
        assertThat(store.nodes.findAll()).hasSize(3);
    }

    @Test
    void numbersComeFromServiceNamesGapsAreKeptAndRemovedBecomesDead() {
        FakeAntctl antctl = container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 3);
        manager(antctl).start(new io.antfleet.antctl.StartRequest(names("antnode1", "antnode3"), null, null));
        manager(antctl).remove(names("antnode2"), false);

        ImportReport report = service.importContainers(List.of(), Optional.empty());

        assertThat(report.containers().get(0).nodes())
                .extracting(ImportReport.ImportedNode::service, ImportReport.ImportedNode::number,
                        ImportReport.ImportedNode::status, ImportReport.ImportedNode::nodePort)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("antnode1", 1, NodeStatus.RUNNING, 31001),
                        org.assertj.core.groups.Tuple.tuple("antnode2", 2, NodeStatus.DEAD, 31002),
                        org.assertj.core.groups.Tuple.tuple("antnode3", 3, NodeStatus.RUNNING, 31003));
        Node third = store.nodes.findAll().get(2);
        assertThat(third.metricsPort()).isEqualTo(32003);
        assertThat(third.dataDir()).isEqualTo("/var/antctl/services/antnode3");
        assertThat(third.wallet()).isEqualTo("0x03b770d9cd32077cc0bf330c13c114a87643b124");
    }

    @Test
    void reImportUpdatesRowsAndNeverDuplicatesThem() {
        FakeAntctl antctl = container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 2);
        service.importContainers(List.of(), Optional.empty());
        List<Long> ids = store.nodes.findAll().stream().map(Node::id).toList();
        manager(antctl).start(new io.antfleet.antctl.StartRequest(names("antnode2"), null, null));

        service.importContainers(List.of(), Optional.empty());

        assertThat(store.containers.findAll()).hasSize(1);
        assertThat(store.nodes.findAll()).extracting(Node::id).containsExactlyElementsOf(ids);
        assertThat(store.nodes.findAll()).extracting(Node::status).containsExactly(NodeStatus.STOPPED, NodeStatus.RUNNING);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReImportWritesOnlyTheNodeRowsThatChanged() {
        List<String> written = new java.util.ArrayList<>();
        io.antfleet.store.NodeRepository counted = (io.antfleet.store.NodeRepository) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.antfleet.store.NodeRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("upsertAll")) {
                        ((List<Node>) args[0]).forEach(n -> written.add(n.service().value()));
                    }
                    return method.invoke(store.nodes, args);
                });
        ImportService imports = new ImportService(io.antfleet.engine.FleetEngines.local(docker), new AntctlManagerFactory(docker, AntctlSettings.defaults(), probe),
                store.containers, counted, store.journal, new DirectWork(), store.versions(), Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
        FakeAntctl antctl = container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 2);
        imports.importContainers(List.of(), Optional.empty());
        assertThat(written).containsExactly("antnode1", "antnode2");
        written.clear();

        imports.importContainers(List.of(), Optional.empty());
        assertThat(written).isEmpty();

        manager(antctl).start(new io.antfleet.antctl.StartRequest(names("antnode2"), null, null));
        imports.importContainers(List.of(), Optional.empty());
        assertThat(written).containsExactly("antnode2");
        assertThat(store.nodes.findAll()).extracting(Node::status).containsExactly(NodeStatus.STOPPED, NodeStatus.RUNNING);
    }

    @Test
    void theProcessManagerComesFromTheLabelThenTheOptionThenTheRecordedRowThenSudo() {
        container("id-a", "alpha", Map.of("antfleet.fleet", "x", "antfleet.process-manager", "antctl+user"), 0);
        container("id-b", "beta", Map.of("antfleet.fleet", "x"), 0);

        service.importContainers(List.of(), Optional.of(ProcessManager.ANTCTL_SUDO));
        assertThat(store.containers.findByName("alpha").orElseThrow().processManager()).isEqualTo(ProcessManager.ANTCTL_USER);
        assertThat(store.containers.findByName("beta").orElseThrow().processManager()).isEqualTo(ProcessManager.ANTCTL_SUDO);
        assertThat(docker.execs()).filteredOn(e -> e.container().equals("id-a"))
                .allSatisfy(e -> assertThat(e.user()).isEqualTo("ant"));

        Container beta = store.containers.findByName("beta").orElseThrow();
        store.containers.update(new Container(beta.id(), beta.dockerId(), beta.name(), beta.image(), beta.status(),
                beta.networkMode(), ProcessManager.ANTCTL_USER, null, beta.createdAt(), beta.updatedAt()));
        service.importContainers(List.of("beta"), Optional.empty());
        assertThat(store.containers.findByName("beta").orElseThrow().processManager()).isEqualTo(ProcessManager.ANTCTL_USER);
    }

    @Test
    void aNamedContainerWithoutLabelsIsImported() {
        container("id-c", "ci-runner", Map.of(), 2);

        ImportReport report = service.importContainers(List.of("ci-runner"), Optional.empty());

        assertThat(report.allSucceeded()).isTrue();
        assertThat(store.containers.findByDockerId("id-c")).get().extracting(Container::processManager)
                .isEqualTo(ProcessManager.ANTCTL_SUDO);
        assertThat(store.nodes.findAll()).hasSize(2);
    }

    @Test
    void aSurveyThatFailsIsReportedAndLeavesTheDatabaseUnchanged() {
        FakeAntctl antctl = container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 2);
        container("id-b", "beta", Map.of("antfleet.fleet", "home"), 1);
        service.importContainers(List.of("beta"), Optional.empty());
        String before = store.snapshot();
        antctl.failNext("status", new ExecResult(0, "{\"nodes\": [{\"service_name\": \"antn", ""));

        ImportReport report = service.importContainers(List.of("alpha"), Optional.empty());

        assertThat(report.allSucceeded()).isFalse();
        assertThat(report.containers().get(0).error()).contains("cannot read the output of antctl status")
                .contains("container alpha");
        assertThat(store.snapshot()).isEqualTo(before);
    }

    @Test
    void anUnknownNameIsReportedWhileTheOthersStillImport() {
        container("id-a", "alpha", Map.of(), 1);

        ImportReport report = service.importContainers(List.of("ghost", "alpha"), Optional.empty());

        assertThat(report.containers()).extracting(ImportReport.ContainerImport::error)
                .containsExactly("no container named ghost", null);
        assertThat(store.nodes.findAll()).hasSize(1);
    }

    @Test
    void namedContainersAreLookedUpInOneRequestAndOneNamedTwiceGetsOneRow() {
        container("id-a", "alpha", Map.of(), 1);
        container("id-b", "beta", Map.of(), 2);

        service.importContainers(List.of("alpha", "beta"), Optional.empty());
        int before = docker.lookups().size();

        ImportReport report = service.importContainers(List.of("alpha", "beta", "alpha"), Optional.empty());

        assertThat(report.allSucceeded()).isTrue();
        // the first import's managers also asked for each image id (antctl's dialect); a re-import only lists
        assertThat(docker.lookups().subList(before, docker.lookups().size())).containsExactly("list [alpha, beta]");
        assertThat(report.containers()).extracting(ImportReport.ContainerImport::containerId).doesNotContainNull()
                .containsOnlyOnce(store.containers.findByName("beta").orElseThrow().id());
        assertThat(store.containers.findAll()).extracting(Container::name).containsExactly("alpha", "beta");
        assertThat(store.nodes.findAll()).hasSize(3);
    }

    @Test
    void theImageIdsTheListReportedSpareTheFirstImportAnInspectPerContainer() {
        for (String n : List.of("alpha", "beta")) {
            FakeAntctl antctl = new FakeAntctl("container " + n);
            docker.withContainer("id-" + n, n, Map.of(), "sha256:5a1e").onExec("id-" + n, antctl.execHandler());
        }

        ImportReport report = service.importContainers(List.of("alpha", "beta"), Optional.empty());

        assertThat(report.allSucceeded()).isTrue();
        assertThat(docker.lookups()).containsExactly("list [alpha, beta]");
        assertThat(docker.execs()).extracting(c -> c.command().get(c.command().size() - 1))
                .containsOnlyOnce("--version").contains("--json");
    }

    @Test
    void servicesAntctlNoLongerListsAreMarkedDead() {
        FakeAntctl antctl = container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 2);
        service.importContainers(List.of(), Optional.empty());
        manager(antctl).reset();

        ImportReport report = service.importContainers(List.of(), Optional.empty());

        assertThat(report.containers().get(0).markedDead()).containsExactly("antnode1", "antnode2");
        assertThat(store.nodes.findAll()).extracting(Node::status).containsOnly(NodeStatus.DEAD);
    }

    @Test
    void anOperatorsDisabledSurvivesReImport() {
        container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 1);
        service.importContainers(List.of(), Optional.empty());
        Node node = store.nodes.findAll().get(0);
        store.nodes.updateStatus(node.id(), NodeStatus.DISABLED, Instant.EPOCH);

        service.importContainers(List.of(), Optional.empty());

        assertThat(store.nodes.findAll().get(0).status()).isEqualTo(NodeStatus.DISABLED);
    }

    @Test
    void eachImportIsJournaledWithTheServicesItRecorded() {
        container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 2);

        service.importContainers(List.of(), Optional.empty());

        assertThat(store.journal.recent(5)).singleElement().satisfies(op -> {
            assertThat(op.intent()).isEqualTo("import");
            assertThat(op.services()).containsExactly("antnode1", "antnode2");
            assertThat(op.state()).isEqualTo(io.antfleet.fleet.OperationState.DONE);
        });
    }

    @Test
    void aVersionTheRegistryMovedWithoutAntfleetIsRecordedAsASelfUpgradeOnceAndKept() {
        FakeAntctl antctl = container("id-a", "alpha", Map.of("antfleet.fleet", "home"), 2);
        service.importContainers(List.of(), Optional.empty());
        antctl.registry().get(0).version = "0.4.18";

        ImportReport again = service.importContainers(List.of(), Optional.empty());
        ImportReport third = service.importContainers(List.of(), Optional.empty());

        long alpha = store.containers.findByName("alpha").orElseThrow().id();
        assertThat(store.nodes.find(alpha, ServiceName.of("antnode1")).orElseThrow().version()).isEqualTo("0.4.18");
        assertThat(again.containers().get(0).versionNotes()).singleElement().asString()
                .isEqualTo("alpha/antnode1: antnode upgraded itself from 0.4.17 to 0.4.18 "
                        + "(no antfleet operation did it: recorded, not undone)");
        assertThat(third.containers().get(0).versionNotes()).isEmpty();
        assertThat(store.decisions.recent(10)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("SELF_UPGRADE");
            assertThat(d.services()).containsExactly("antnode1");
        });
    }
}
