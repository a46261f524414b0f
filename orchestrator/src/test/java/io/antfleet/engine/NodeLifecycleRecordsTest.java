package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.antctl.LivenessProbe;
import io.antfleet.cli.Bootstrap;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.apply.MemoryLease;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.OperationState;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreConnection;
import io.antfleet.store.StoreException;
import io.antfleet.store.StoreModule;
import io.antfleet.store.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node lifecycle over the real (in-memory H2) store, with the database failing half-way through
 * recording what antctl did: the rows and the journal entry are one unit, so nothing is half-written.
 */
class NodeLifecycleRecordsTest {
    private final Injector injector = Bootstrap.injector(List.of(new StoreModule(
            Database.inMemory("lifecycle_records_" + UUID.randomUUID().toString().replace("-", "")))));
    private final NodeRepository rows = injector.getInstance(NodeRepository.class);
    private final CuttingNodes nodes = new CuttingNodes(rows);
    private final OperationJournal journal = injector.getInstance(OperationJournal.class);
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final FakeAntctl antctl = new FakeAntctl("container alpha");
    private final NodeLifecycle lifecycle = new NodeLifecycle(
            new AntctlManagerFactory(docker, AntctlSettings.defaults(), port -> LivenessProbe.ProbeResult.dead("x")),
            nodes, journal, injector.getInstance(UnitOfWork.class), MemoryLease.heldByThisProcess(),
            new VersionChanges(journal, injector.getInstance(io.antfleet.store.DecisionLog.class)), Clock.systemUTC());
    private final Container container;

    NodeLifecycleRecordsTest() {
        docker.withContainer("id-a", "alpha", Map.of()).onExec("id-a", antctl.execHandler());
        container = injector.getInstance(ContainerRepository.class).insert(new Container(null, "id-a", "alpha",
                "antfleet/agent:stand-in", "running", "host", ProcessManager.ANTCTL_SUDO, null, Instant.EPOCH, Instant.EPOCH));
    }

    @AfterEach
    void dropTheDatabase() {
        injector.getInstance(StoreConnection.class).close();
    }

    private List<ServiceName> both() {
        return List.of(ServiceName.of("antnode1"), ServiceName.of("antnode2"));
    }

    @Test
    void aDatabaseLostHalfWayThroughRecordingAStopLeavesEveryRowAsItWasAndTheJournalEntryPending() {
        lifecycle.add(container, new AddNodesRequest(2, null, null, new PortRange(31001, 31002), null, null, true,
                new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124"), EvmNetwork.LOCAL));
        lifecycle.start(container, both());
        nodes.cutAfterStatusUpdates(1);

        assertThatThrownBy(() -> lifecycle.stop(container, both())).isInstanceOf(StoreException.class)
                .hasMessageContaining("database error");

        assertThat(rows.findByContainer(container.id())).extracting(Node::status)
                .as("the first row's update was rolled back with the second").containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING);
        assertThat(journal.recent(1)).singleElement().satisfies(op -> {
            assertThat(op.intent()).isEqualTo("stop");
            assertThat(op.state()).as("begun before antctl ran; its outcome unrecorded").isEqualTo(OperationState.PENDING);
        });
    }
}
