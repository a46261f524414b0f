package io.antfleet.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.antctl.FakeAntctl;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.OperationState;
import io.antfleet.fleet.spec.FleetSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** apply end to end over the fake Docker, the fake antctl and the in-memory store. */
class ApplyServiceTest {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final Set<String> CHANGING = Set.of("add", "start", "stop", "remove", "reset", "upgrade");

    private final FakeFleet fleet = new FakeFleet();
    private final FakeDockerGateway docker = fleet.docker;
    private final MemoryStore store = fleet.store;
    private final FakeAntctl alphaAntctl = fleet.antctl("home-alpha");
    private final FakeAntctl betaAntctl = fleet.antctl("home-beta");
    private final ApplyService service = fleet.service();

    private static FleetSpec spec(int alpha, int beta) {
        return new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "noUpnp: true", "ports: {node: 55000, metrics: 13000, rpc: 30000, blockSize: 10}",
                "containers:", "  - {name: alpha, nodes: " + alpha + "}", "  - {name: beta, nodes: " + beta + "}", ""));
    }

    /** alpha on the local engine, beta on {@code betaHost}, and a second engine {@code far} on a socket. */
    private static FleetSpec withHosts(String betaHost) {
        return new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "hosts:", "  - {name: far, docker: 'unix:///run/far.sock'}",
                "containers:", "  - {name: alpha, nodes: 1}", "  - {name: beta, host: " + betaHost + ", nodes: 1}", ""));
    }

    private long changingExecs() {
        return docker.execs().stream().filter(e -> e.command().stream().anyMatch(CHANGING::contains)).count();
    }

    private List<String> statuses(FakeAntctl antctl) {
        return antctl.registry().stream().map(e -> e.status).collect(Collectors.toList());
    }

    @Test
    void anEmptyHostGetsLabelledContainersRunningNodesAndRows() {
        ApplyReport report = service.apply(spec(3, 2), false);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(docker.listByLabels(java.util.Map.of("antfleet.fleet", "home"))).extracting(i -> i.labels().get("antfleet.container"))
                .containsExactlyInAnyOrder("alpha", "beta");
        assertThat(statuses(alphaAntctl)).containsExactly("Running", "Running", "Running");
        assertThat(statuses(betaAntctl)).containsExactly("Running", "Running");
        Container alpha = store.containers.findByName("home-alpha").orElseThrow();
        assertThat(alpha.ports().node().first()).isEqualTo(55000);
        assertThat(store.containers.findByName("home-beta").orElseThrow().ports().node().first()).isEqualTo(55010);
        assertThat(store.nodes.findByContainer(alpha.id())).extracting(Node::status).containsOnly(NodeStatus.RUNNING).hasSize(3);
        assertThat(store.nodes.findByContainer(alpha.id())).extracting(Node::nodePort).containsExactly(55000, 55001, 55002);
        assertThat(store.journal.recent(100)).isNotEmpty().allMatch(o -> o.state() == OperationState.DONE);
    }

    @Test
    void aSecondApplyPlansNothingAndRunsNoStateChangingExec() {
        service.apply(spec(3, 2), false);
        long before = changingExecs();

        ApplyReport again = service.apply(spec(3, 2), false);

        assertThat(again.plan().isEmpty()).isTrue();
        assertThat(changingExecs()).isEqualTo(before);
    }

    @Test
    void scalingDownStopsAndRemovesTheYoungestThenScalingUpAddsNewNumbers() {
        service.apply(spec(3, 2), false);

        assertThat(service.apply(spec(1, 2), false).ok()).isTrue();
        assertThat(statuses(alphaAntctl)).containsExactly("Running", "Removed", "Removed");

        assertThat(service.apply(spec(2, 2), false).ok()).isTrue();
        assertThat(statuses(alphaAntctl)).containsExactly("Running", "Removed", "Removed", "Running");
        assertThat(alphaAntctl.registry().get(3).nodePort).isEqualTo(55003);
        assertThat(service.plan(spec(2, 2), false).isEmpty()).isTrue();
    }

    @Test
    void aFailingContainerIsReportedWhileTheOtherOneCompletes() {
        betaAntctl.failNext("add", new ExecResult(1, "", "Error: \n   0: disk full\n"));

        ApplyReport report = service.apply(spec(1, 1), false);

        assertThat(report.ok()).isFalse();
        assertThat(report.containers()).filteredOn(c -> c.container().equals("beta")).singleElement()
                .satisfies(c -> assertThat(c.error()).hasValueSatisfying(e -> assertThat(e).startsWith("add-nodes failed")));
        assertThat(statuses(alphaAntctl)).containsExactly("Running");
        assertThat(store.journal.recent(100)).anyMatch(o -> o.state() == OperationState.FAILED && o.intent().equals("add-nodes"));

        assertThat(service.apply(spec(1, 1), false).ok()).isTrue();
        assertThat(statuses(betaAntctl)).containsExactly("Running");
    }

    @Test
    void whileAnotherOrchestratorHoldsTheLeaseApplyChangesNothing() {
        fleet.lease.tryAcquire("run loop on another host", java.time.Duration.ofMinutes(5));

        assertThatThrownBy(() -> service.apply(spec(1, 1), false)).isInstanceOf(LeaseHeldException.class);

        assertThat(docker.listByLabels(java.util.Map.of())).isEmpty();
        assertThat(fleet.observations).hasValue(0);
    }

    @Test
    void operationsAKilledRunLeftPendingAreClosedAndTheLeaseIsReleased() {
        long stale = store.journal.begin("add-nodes", null, List.of()).id();

        assertThat(service.apply(spec(1, 0), false).ok()).isTrue();

        assertThat(store.journal.pending()).isEmpty();
        assertThat(store.journal.find(stale).orElseThrow().state()).isEqualTo(OperationState.FAILED);
        assertThat(fleet.lease.current()).isEmpty();
    }

    @Test
    void rowsAKilledApplyNeverWroteAreWrittenByTheNextApplyThoughItPlansNothing() {
        assertThat(service.apply(spec(2, 0), false).ok()).isTrue();
        Container alpha = store.containers.findByName("home-alpha").orElseThrow();
        List<Node> rows = store.nodes.findByContainer(alpha.id());
        // killed after antctl added and started antnode2, before the rows were written
        store.nodes.updateStatus(rows.get(0).id(), NodeStatus.STOPPED, rows.get(0).statusChangedAt());
        store.nodes.delete(rows.get(1).id());
        long before = changingExecs();

        ApplyReport again = service.apply(spec(2, 0), false);

        assertThat(again.plan().isEmpty()).isTrue();
        assertThat(again.ok()).as(again.toString()).isTrue();
        assertThat(changingExecs()).isEqualTo(before);
        assertThat(store.nodes.findByContainer(alpha.id())).extracting(n -> n.service().value() + " " + n.status())
                .containsExactly("antnode1 RUNNING", "antnode2 RUNNING");
    }

    @Test
    void aContainerWhoseRowAKilledApplyNeverWroteGetsOneWithTheBlockOnItsLabel() {
        io.antfleet.fleet.PortBlock block = new io.antfleet.fleet.PortBlock(new io.antfleet.fleet.PortRange(55000, 55009),
                new io.antfleet.fleet.PortRange(13000, 13009), new io.antfleet.fleet.PortRange(30000, 30009));
        docker.withContainer("alpha-id", "home-alpha", java.util.Map.of("antfleet.fleet", "home", "antfleet.container", "alpha",
                FleetLabels.PROCESS_MANAGER, "antctl+sudo", FleetLabels.PORT_BLOCK, FleetLabels.encode(block)));

        ApplyReport report = service.apply(spec(2, 0), false);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(store.containers.findByDockerId("alpha-id").orElseThrow().ports()).isEqualTo(block);
        assertThat(statuses(alphaAntctl)).containsExactly("Running", "Running");
    }

    @Test
    void aContainerCiStartedItselfIsAdoptedGivenABlockAndToppedUpAroundItsNodes() {
        docker.withContainer("ci-id", "ci-77-alpha", java.util.Map.of("antfleet.fleet", "home", "antfleet.container", "alpha"));
        FakeAntctl ci = fleet.antctl("ci-77-alpha");
        new io.antfleet.antctl.AntctlManager(new io.antfleet.antctl.AntctlClient(ci, io.antfleet.antctl.AntctlSettings.defaults(),
                w -> { }), port -> io.antfleet.antctl.LivenessProbe.ProbeResult.dead("x"), io.antfleet.antctl.AntctlSettings.defaults())
                .create(new io.antfleet.antctl.AddRequest(1, null, null, null, null, io.antfleet.fleet.PortRange.single(55000),
                        io.antfleet.fleet.PortRange.single(13000), null, true, new io.antfleet.fleet.WalletAddress(WALLET), null,
                        null, io.antfleet.fleet.spec.EvmNetwork.LOCAL));

        ApplyReport report = service.apply(spec(3, 0), false);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.plan().actions()).extracting(a -> a.type() + " " + a.container()).startsWith("assign-ports alpha",
                "start-nodes alpha", "add-nodes alpha");
        assertThat(ci.registry()).extracting(e -> e.nodePort).containsExactly(55000, 55001, 55002);
        assertThat(statuses(ci)).containsExactly("Running", "Running", "Running");
        assertThat(store.containers.findByDockerId("ci-id").orElseThrow().ports().node().first()).isEqualTo(55000);
        assertThat(service.plan(spec(3, 0), false).isEmpty()).isTrue();
    }

    @Test
    void pruneEmptiesAndRemovesAContainerDroppedFromTheSpec() {
        service.apply(spec(1, 1), false);
        FleetSpec alphaOnly = new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "ports: {node: 55000, metrics: 13000, rpc: 30000, blockSize: 10}", "containers: [{name: alpha, nodes: 1}]", ""));

        assertThat(service.plan(alphaOnly, false).unmanaged()).containsExactly("beta");
        ApplyReport pruned = service.apply(alphaOnly, true);

        assertThat(pruned.ok()).as(pruned.toString()).isTrue();
        assertThat(statuses(betaAntctl)).containsExactly("Removed");
        assertThat(docker.inspect("home-beta")).isEmpty();
        assertThat(store.containers.findByName("home-beta")).isEmpty();
    }

    @Test
    void anApplyRecordsTheSpecsHostsInTheStore() {
        ApplyReport report = service.apply(withHosts("local"), false);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(store.hosts.findByName("far").orElseThrow().endpoint()).contains(java.net.URI.create("unix:///run/far.sock"));
    }
}
