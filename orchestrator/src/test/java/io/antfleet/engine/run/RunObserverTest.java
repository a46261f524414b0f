package io.antfleet.engine.run;

import static io.antfleet.engine.run.RunFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.ScalableContainer;
import io.antfleet.fleet.decide.ObservedNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunObserverTest {
    private final MemoryStore store = new MemoryStore();
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final CountingNodes nodes = new CountingNodes(store.nodes);
    private final FakeSweeper sweeper = new FakeSweeper();
    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final RunObserver observer = new RunObserver(store.containers, nodes, sweeper, docker, clock);
    private final RunTarget target = RunTarget.of(RunFixtures.spec(), 2);

    private Container alpha() {
        return store.containers.findByName("t-alpha").orElseGet(() -> RunFixtures.container(store, docker, "t-alpha", 0));
    }

    private NodeStatus stored(Node n) {
        return store.nodes.find(n.containerId(), n.service()).orElseThrow().status();
    }

    @Test
    void aNodeThatAnswersIsRunningAndEveryReadingIsWrittenInOneBatch() {
        Node one = RunFixtures.node(store, alpha(), 1, NodeStatus.STOPPED, "0.4.17");
        Node two = RunFixtures.node(store, alpha(), 2, NodeStatus.RUNNING, "0.4.17");
        sweeper.answer(one.metricsPort(), "0.4.17").answer(two.metricsPort(), "0.4.17");

        Observation seen = observer.observe(target, null, null, true);

        assertThat(stored(one)).isEqualTo(NodeStatus.RUNNING);
        assertThat(stored(two)).isEqualTo(NodeStatus.RUNNING);
        assertThat(nodes.readingBatches).hasSize(1);
        assertThat(nodes.readingBatches.get(0)).containsOnlyKeys(one.id(), two.id());
        assertThat(seen.answering()).isEqualTo(2);
        assertThat(sweeper.sweeps).hasSize(1);
    }

    @Test
    void aRunningNodeWhoseMetricsStaySilentBecomesUnknown() {
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");

        observer.observe(target, null, null, true);

        assertThat(stored(n)).isEqualTo(NodeStatus.UNKNOWN);
    }

    @Test
    void aSilentSweepNeverOverwritesStoppedTransitionalOrOperatorStates() {
        Node stopped = RunFixtures.node(store, alpha(), 1, NodeStatus.STOPPED, "0.4.17");
        Node upgrading = RunFixtures.node(store, alpha(), 2, NodeStatus.UPGRADING, "0.4.17");
        Node restarting = RunFixtures.node(store, alpha(), 3, NodeStatus.RESTARTING, "0.4.17");
        Node removing = RunFixtures.node(store, alpha(), 4, NodeStatus.REMOVING, "0.4.17");
        Node disabled = RunFixtures.node(store, alpha(), 5, NodeStatus.DISABLED, "0.4.17");
        Node dead = RunFixtures.node(store, alpha(), 6, NodeStatus.DEAD, "0.4.17");

        observer.observe(target, null, null, true);

        assertThat(stored(stopped)).isEqualTo(NodeStatus.STOPPED);
        assertThat(stored(upgrading)).isEqualTo(NodeStatus.UPGRADING);
        assertThat(stored(restarting)).isEqualTo(NodeStatus.RESTARTING);
        assertThat(stored(removing)).isEqualTo(NodeStatus.REMOVING);
        assertThat(stored(disabled)).isEqualTo(NodeStatus.DISABLED);
        assertThat(stored(dead)).isEqualTo(NodeStatus.DEAD);
        assertThat(nodes.statusUpdates).isZero();
    }

    @Test
    void disabledAndDeadNodesAreNotSwept() {
        RunFixtures.node(store, alpha(), 1, NodeStatus.DISABLED, "0.4.17");
        RunFixtures.node(store, alpha(), 2, NodeStatus.DEAD, "0.4.17");
        Node live = RunFixtures.node(store, alpha(), 3, NodeStatus.RUNNING, "0.4.17");

        observer.observe(target, null, null, true);

        assertThat(sweeper.sweeps.get(0)).extracting(t -> t.metricsPort()).containsExactly(live.metricsPort());
    }

    @Test
    void anUpgradingNodeStaysUpgradingUntilItAnswersWithItsNewVersion() {
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.UPGRADING, "0.4.17");
        sweeper.answer(n.metricsPort(), "0.4.16");
        observer.observe(target, null, null, true);
        assertThat(stored(n)).isEqualTo(NodeStatus.UPGRADING);

        sweeper.answer(n.metricsPort(), "0.4.17");
        observer.observe(target, null, null, true);
        assertThat(stored(n)).isEqualTo(NodeStatus.RUNNING);
    }

    @Test
    void theEngineSeesEachSpecContainerWithItsBoundsAndTheVersionTheNodeReports() {
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.16");
        sweeper.answer(n.metricsPort(), "0.4.15");
        RunFixtures.container(store, docker, "t-beta", 1);
        RunFixtures.container(store, docker, "other-fleet", 2);

        Observation seen = observer.observe(target, Instant.EPOCH, T0, true);

        assertThat(seen.state().containers()).extracting(ScalableContainer::name).containsExactly("t-alpha", "t-beta");
        ScalableContainer alpha = seen.state().containers().get(0);
        assertThat(alpha.minNodes()).isEqualTo(1);
        assertThat(alpha.maxNodes()).isEqualTo(4);
        assertThat(alpha.nodes()).extracting(ObservedNode::version).containsExactly("0.4.15");
        assertThat(seen.state().hostBootTime()).isEqualTo(Instant.EPOCH);
        assertThat(seen.state().lastCycleAt()).isEqualTo(T0);
    }

    @Test
    void aDryRunObservationWritesNothing() {
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");

        Observation seen = observer.observe(target, null, null, false);

        assertThat(stored(n)).isEqualTo(NodeStatus.RUNNING);
        assertThat(seen.state().containers().get(0).nodes().get(0).status()).isEqualTo(NodeStatus.UNKNOWN);
        assertThat(nodes.readingBatches).isEmpty();
        assertThat(nodes.statusUpdates).isZero();
    }
    @Test
    void aContainerDockerListsAsNotRunningIsNotActionableItsRowsSayStoppedAndItsNodesAreNotSwept() {
        Node running = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");
        Node silent = RunFixtures.node(store, alpha(), 2, NodeStatus.UNKNOWN, "0.4.17");
        Node disabled = RunFixtures.node(store, alpha(), 3, NodeStatus.DISABLED, "0.4.17");
        Node beta = RunFixtures.node(store, RunFixtures.container(store, docker, "t-beta", 1), 1, NodeStatus.RUNNING, "0.4.17");
        sweeper.answer(beta.metricsPort(), "0.4.17");
        docker.kill("t-alpha");

        Observation seen = observer.observe(target, null, null, true);

        assertThat(seen.docker().down()).containsExactly(java.util.Map.entry("t-alpha", DockerView.NOT_RUNNING));
        assertThat(seen.state().containers()).extracting(ScalableContainer::name, ScalableContainer::actionable)
                .containsExactly(tuple("t-alpha", false), tuple("t-beta", true));
        assertThat(store.containers.findByName("t-alpha").orElseThrow().status()).isEqualTo("stopped");
        assertThat(stored(running)).isEqualTo(NodeStatus.STOPPED);
        assertThat(stored(silent)).isEqualTo(NodeStatus.STOPPED);
        assertThat(stored(disabled)).isEqualTo(NodeStatus.DISABLED);
        assertThat(sweeper.sweeps.get(0)).extracting(t -> t.metricsPort()).containsExactly(beta.metricsPort());
        assertThat(seen.docker().notes()).singleElement().asString()
                .contains("container t-alpha is not running", "nothing is planned into it", "to start it again",
                        "stop `antfleet run`", "`antfleet apply`");
    }

    @Test
    void aContainerDockerDoesNotListIsMissingAndApplyIsNamedToCreateIt() {
        RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");
        docker.remove("t-alpha", true);

        Observation seen = observer.observe(target, null, null, true);

        assertThat(seen.docker().down()).containsEntry("t-alpha", DockerView.MISSING);
        assertThat(seen.state().containers().get(0).actionable()).isFalse();
        assertThat(seen.docker().notes()).singleElement().asString().contains("missing from Docker", "to create it");
    }

    @Test
    void aContainerRunningAgainGetsItsRowBackToRunningAndItsNodesToTheSweep() {
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");
        docker.kill("t-alpha");
        observer.observe(target, null, null, true);
        docker.start("t-alpha");
        sweeper.answer(n.metricsPort(), "0.4.17");

        Observation seen = observer.observe(target, null, null, true);

        assertThat(seen.docker().clean()).isTrue();
        assertThat(seen.state().containers().get(0).actionable()).isTrue();
        assertThat(store.containers.findByName("t-alpha").orElseThrow().status()).isEqualTo("running");
        assertThat(stored(n)).isEqualTo(NodeStatus.RUNNING);
    }

    @Test
    void withDockerUnreachableNoContainerIsActionableNoRowIsMarkedDownAndTheSweepGoesOn() {
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");
        sweeper.answer(n.metricsPort(), "0.4.17");
        docker.unreachable("cannot list containers by labels: connection refused");

        Observation seen = observer.observe(target, null, null, true);

        assertThat(seen.docker().unreachable()).contains("cannot list containers by labels: connection refused");
        assertThat(seen.state().containers()).allSatisfy(c -> assertThat(c.actionable()).isFalse());
        assertThat(store.containers.findByName("t-alpha").orElseThrow().status()).isEqualTo("running");
        assertThat(stored(n)).isEqualTo(NodeStatus.RUNNING);
        assertThat(seen.answering()).isEqualTo(1);
        assertThat(seen.docker().notes()).singleElement().asString().startsWith("docker unreachable: cannot list")
                .contains("the metrics sweep carries on");
    }

    @Test
    void aDryRunLearnsAContainerIsDownWithoutWritingIt() {
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");
        docker.kill("t-alpha");

        Observation seen = observer.observe(target, null, null, false);

        assertThat(seen.state().containers().get(0).actionable()).isFalse();
        assertThat(store.containers.findByName("t-alpha").orElseThrow().status()).isEqualTo("running");
        assertThat(stored(n)).isEqualTo(NodeStatus.RUNNING);
    }

    @Test
    void anAntnodeAnsweringWithAVersionAntfleetDidNotSetIsRecordedOnTheRowAndInTheDecisionLogOnce() {
        RunObserver watching = new RunObserver(store.containers, nodes, sweeper, docker, clock, null, null, ProbeRoute.NONE, store.versions());
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");
        sweeper.answer(n.metricsPort(), "0.4.18");

        Observation first = watching.observe(target, null, null, true);
        Observation second = watching.observe(target, null, null, true);

        assertThat(store.nodes.find(n.containerId(), n.service()).orElseThrow().version()).isEqualTo("0.4.18");
        assertThat(first.refused()).singleElement().asString()
                .isEqualTo("t-alpha/antnode1: antnode upgraded itself from 0.4.17 to 0.4.18 "
                        + "(no antfleet operation did it: recorded, not undone)");
        assertThat(second.refused()).isEmpty();
        assertThat(store.decisions.recent(10)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("SELF_UPGRADE");
            assertThat(d.container()).isEqualTo("t-alpha");
            assertThat(d.outcome()).isEqualTo("NOT_RUN");
        });
    }

    @Test
    void aDryRunSaysTheVersionMovedAndWritesNothing() {
        RunObserver watching = new RunObserver(store.containers, nodes, sweeper, docker, clock, null, null, ProbeRoute.NONE, store.versions());
        Node n = RunFixtures.node(store, alpha(), 1, NodeStatus.RUNNING, "0.4.17");
        sweeper.answer(n.metricsPort(), "0.4.18");

        Observation seen = watching.observe(target, null, null, false);

        assertThat(seen.refused()).singleElement().asString().contains("upgraded itself from 0.4.17 to 0.4.18");
        assertThat(store.nodes.find(n.containerId(), n.service()).orElseThrow().version()).isEqualTo("0.4.17");
        assertThat(store.decisions.recent(10)).isEmpty();
    }
}
