package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.antctl.AntctlException;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.antctl.LivenessProbe;
import io.antfleet.antctl.PartialAddException;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.apply.MemoryLease;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.AddNodesRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeLifecycleTest {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final FakeAntctl antctl = new FakeAntctl("container alpha");
    private final MemoryStore store = new MemoryStore();
    private final NodeLifecycle lifecycle = new NodeLifecycle(
            new AntctlManagerFactory(docker, AntctlSettings.defaults(), port -> LivenessProbe.ProbeResult.dead("x")),
            store.nodes, store.journal, new DirectWork(), MemoryLease.heldByThisProcess(), store.versions(), Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
    private final Container container;

    NodeLifecycleTest() {
        docker.withContainer("id-a", "alpha", Map.of()).onExec("id-a", antctl.execHandler());
        container = store.containers.insert(new Container(null, "id-a", "alpha", "antfleet/agent:stand-in", "running",
                "host", ProcessManager.ANTCTL_SUDO, null, Instant.EPOCH, Instant.EPOCH));
    }

    private static AddNodesRequest add(int count) {
        return new AddNodesRequest(count, null, null, new PortRange(31001, 31000 + count), null, null, true,
                WALLET, EvmNetwork.LOCAL);
    }

    private static List<ServiceName> names(String... values) {
        return java.util.Arrays.stream(values).map(ServiceName::of).toList();
    }

    private List<Operation> journal() {
        List<Operation> ops = new java.util.ArrayList<>(store.journal.recent(100));
        java.util.Collections.reverse(ops);
        return ops;
    }

    @Test
    void anAddWritesRowsForTheNewServicesAndJournalsTheirNames() {
        List<Node> rows = lifecycle.add(container, add(2));

        assertThat(rows).extracting(n -> n.service().value(), Node::status, Node::nodePort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("antnode1", NodeStatus.STOPPED, 31001),
                        org.assertj.core.groups.Tuple.tuple("antnode2", NodeStatus.STOPPED, 31002));
        assertThat(journal()).singleElement().satisfies(op -> {
            assertThat(op.intent()).isEqualTo("add");
            assertThat(op.state()).isEqualTo(OperationState.DONE);
            assertThat(op.services()).containsExactly("antnode1", "antnode2");
        });
    }

    @Test
    void startStopRestartAndRemoveAreJournaledAndKeepStatusesInStep() {
        lifecycle.add(container, add(2));

        lifecycle.start(container, names("antnode1", "antnode2"));
        lifecycle.stop(container, names("antnode1"));
        lifecycle.restart(container, names("antnode2"));
        lifecycle.remove(container, names("antnode1"), false);

        assertThat(store.nodes.findByContainer(container.id())).extracting(Node::status)
                .containsExactly(NodeStatus.DEAD, NodeStatus.RUNNING);
        assertThat(journal()).extracting(Operation::intent, Operation::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("add", OperationState.DONE),
                org.assertj.core.groups.Tuple.tuple("start", OperationState.DONE),
                org.assertj.core.groups.Tuple.tuple("stop", OperationState.DONE),
                org.assertj.core.groups.Tuple.tuple("restart", OperationState.DONE),
                org.assertj.core.groups.Tuple.tuple("remove", OperationState.DONE));
    }

    @Test
    void aFailedAddLeavesTheNodeRowsUnchangedAndTheJournalEntryFailed() {
        antctl.failNext("add", new ExecResult(1, "", "Error: \n   0: disk full\n"));

        assertThatThrownBy(() -> lifecycle.add(container, add(1))).isInstanceOf(AntctlException.class)
                .hasMessageContaining("disk full");

        assertThat(store.nodes.findAll()).isEmpty();
        assertThat(journal()).singleElement().satisfies(op -> {
            assertThat(op.state()).isEqualTo(OperationState.FAILED);
            assertThat(op.error()).contains("disk full");
        });
    }

    @Test
    void nodesAddedBeforeAPartialFailureAreRecorded() {
        antctl.addBeforeFailing(true).failNext("add", new ExecResult(1, " ✕ antnode2: boom\n", "Error: \n   0: Failed\n"));

        assertThatThrownBy(() -> lifecycle.add(container, add(2))).isInstanceOf(PartialAddException.class);

        assertThat(store.nodes.findAll()).hasSize(2);
    }

    @Test
    void aFailedStopLeavesStatusesAsTheyWere() {
        lifecycle.add(container, add(1));
        lifecycle.start(container, names("antnode1"));
        antctl.failNext("stop", new ExecResult(1, " ✕ antnode1: Failed to stop\n", ""));

        assertThatThrownBy(() -> lifecycle.stop(container, names("antnode1"))).isInstanceOf(AntctlException.class);

        assertThat(store.nodes.findAll()).extracting(Node::status).containsExactly(NodeStatus.RUNNING);
        assertThat(journal()).last().extracting(Operation::state).isEqualTo(OperationState.FAILED);
    }

    @Test
    void teardownResetsAndForgetsTheContainersNodes() {
        lifecycle.add(container, add(2));

        lifecycle.teardown(container);

        assertThat(store.nodes.findAll()).isEmpty();
        assertThat(antctl.calls()).last().isEqualTo(List.of("reset", "--force"));
    }

    @Test
    void aContainerWithoutARowIsRefusedBeforeAnyExec() {
        Container unsaved = new Container(null, "id-a", "alpha", null, null, "host", ProcessManager.ANTCTL_SUDO, null,
                null, null);

        assertThatThrownBy(() -> lifecycle.add(unsaved, add(1))).hasMessageContaining("no database row");
        assertThat(docker.execs()).isEmpty();
    }
}
