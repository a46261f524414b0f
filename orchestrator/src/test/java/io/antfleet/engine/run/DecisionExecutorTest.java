package io.antfleet.engine.run;

import static io.antfleet.engine.run.RunFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.TestClock;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.DirectWork;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecisionExecutorTest {
    private final MemoryStore store = new MemoryStore();
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final FakeSweeper sweeper = new FakeSweeper();
    private final FakeNodeActions actions = new FakeNodeActions(store, sweeper);
    private final TestClock clock = new TestClock(T0);
    private final RunObserver observer = new RunObserver(store.containers, store.nodes, sweeper, docker, clock);
    private final DecisionExecutor executor = new DecisionExecutor(new ContainerDecisions(actions, store.nodes, new DirectWork(),
            new WalletPicker(Optional.empty(), Optional.empty(), n -> 0), sweeper, clock, clock::advance,
            Duration.ofSeconds(30), Duration.ofSeconds(2)), 2, Duration.ofMinutes(1));
    private RunTarget target = RunTarget.of(RunFixtures.spec(), 2);
    private final Container alpha = RunFixtures.container(store, docker, "t-alpha", 0);
    private final Container beta = RunFixtures.container(store, docker, "t-beta", 1);

    @AfterEach
    void close() {
        executor.close();
    }

    private ExecutionReport run(Decision... decisions) {
        return executor.execute(List.of(decisions), observer.observe(target, null, null, true), target);
    }

    private Node running(Container c, int number, String version) {
        Node n = RunFixtures.node(store, c, number, NodeStatus.RUNNING, version);
        sweeper.answer(n.metricsPort(), version);
        return n;
    }

    private static List<ServiceName> services(int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(ServiceName::ofNumber).toList();
    }

    @Test
    void anAddOfThreeIsOneAntctlAddOnTheNextFreePortsThenOneStart() {
        RunFixtures.node(store, alpha, 1, NodeStatus.DEAD, "0.4.17");

        ExecutionReport report = run(Decision.add("t-alpha", 3, "room"));

        assertThat(report.ok()).isTrue();
        assertThat(actions.calls()).containsExactly(
                "add t-alpha 3 46001-46003 metrics 47001-47003 version 0.4.17",
                "start t-alpha [antnode2, antnode3, antnode4]");
    }

    @Test
    void onceTheLeaseCannotBeConfirmedADecisionIsNotCarriedOutNorAreTheContainersLaterOnes() {
        running(alpha, 1, "0.4.17");
        running(alpha, 2, "0.4.17");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        ExecutionReport report = executor.execute(List.of(Decision.onServices(Action.STOP, "t-alpha", services(1), "cpu"),
                Decision.onServices(Action.STOP, "t-alpha", services(2), "cpu"),
                Decision.onServices(Action.REMOVE, "t-alpha", services(1), "disk")),
                observer.observe(target, null, null, true), target, () -> asked.incrementAndGet() == 1);

        assertThat(actions.calls()).containsExactly("stop t-alpha [antnode1]");
        assertThat(report.outcomes()).extracting(o -> o.error().orElse("ok")).containsExactly("ok",
                "not carried out: the database lease could not be confirmed", "skipped: an earlier action in t-alpha failed");
    }

    @Test
    void startStopAndRemoveAreOneCallEachOverTheirServices() {
        running(alpha, 1, "0.4.17");
        running(alpha, 2, "0.4.17");
        RunFixtures.node(store, beta, 1, NodeStatus.STOPPED, "0.4.17");

        ExecutionReport report = run(Decision.onServices(Action.STOP, "t-alpha", services(1, 2), "cpu"),
                Decision.onServices(Action.REMOVE, "t-alpha", services(1), "disk"),
                Decision.onServices(Action.START, "t-beta", services(1), "room"));

        assertThat(report.ok()).isTrue();
        assertThat(actions.calls()).contains("stop t-alpha [antnode1, antnode2]", "remove t-alpha [antnode1]",
                "start t-beta [antnode1]");
        assertThat(actions.calls().indexOf("stop t-alpha [antnode1, antnode2]"))
                .isLessThan(actions.calls().indexOf("remove t-alpha [antnode1]"));
    }

    @Test
    void anUpgradeGoesInBatchesOfMaxConcurrentUpgradesEachWaitingForTheNewVersion() {
        target = RunTarget.of(RunFixtures.spec("{version: 0.4.17}", "{starts: 1, upgrades: 2, removals: 1, operations: 4}"), 2);
        for (int i = 1; i <= 3; i++) {
            running(alpha, i, "0.4.16");
        }

        ExecutionReport report = run(Decision.onServices(Action.UPGRADE, "t-alpha", services(1, 2, 3), "outdated"));

        assertThat(report.ok()).isTrue();
        assertThat(actions.calls()).containsExactly("upgrade t-alpha [antnode1, antnode2] to 0.4.17",
                "upgrade t-alpha [antnode3] to 0.4.17");
        assertThat(store.nodes.findByContainer(alpha.id())).extracting(Node::status).containsOnly(NodeStatus.RUNNING);
        assertThat(sweeper.sweeps.size()).as("the gate swept after each batch").isGreaterThanOrEqualTo(3);
    }

    @Test
    void nodesThatDoNotComeBackWithTheNewVersionStopTheRollAndItIsReported() {
        for (int i = 1; i <= 2; i++) {
            running(alpha, i, "0.4.16");
        }
        target = RunTarget.of(RunFixtures.spec("{version: 0.4.17}", "{starts: 1, upgrades: 1, removals: 1, operations: 4}"), 2);
        actions.silentAfterUpgrade = true;

        ExecutionReport report = run(Decision.onServices(Action.UPGRADE, "t-alpha", services(1, 2), "outdated"));

        assertThat(actions.calls()).containsExactly("upgrade t-alpha [antnode1] to 0.4.17");
        assertThat(report.haltedRoll()).hasValueSatisfying(r -> assertThat(r).contains("t-alpha", "antnode1", "30 s"));
        assertThat(store.nodes.find(alpha.id(), ServiceName.ofNumber(1)).orElseThrow().status()).isEqualTo(NodeStatus.UNKNOWN);
    }

    @Test
    void aFailedUpgradeStopsTheRollButOtherContainersCarryOn() {
        running(alpha, 1, "0.4.16");
        RunFixtures.node(store, beta, 1, NodeStatus.STOPPED, "0.4.17");
        actions.failUpgrades.add("t-alpha");

        ExecutionReport report = run(Decision.onServices(Action.UPGRADE, "t-alpha", services(1), "outdated"),
                Decision.onServices(Action.START, "t-beta", services(1), "room"));

        assertThat(report.outcomes()).filteredOn(ExecutionReport.Outcome::ok).extracting(o -> o.decision().container())
                .containsExactly("t-beta");
        assertThat(report.haltedRoll()).hasValueSatisfying(r -> assertThat(r).contains("download failed"));
        assertThat(store.nodes.find(alpha.id(), ServiceName.ofNumber(1)).orElseThrow().status())
                .as("the status it had before").isEqualTo(NodeStatus.RUNNING);
    }

    @Test
    void aFailureSkipsTheRestOfThatContainersDecisions() {
        RunFixtures.node(store, alpha, 1, NodeStatus.STOPPED, "0.4.17");
        actions.failStarts.add("t-alpha");

        ExecutionReport report = run(Decision.onServices(Action.START, "t-alpha", services(1), "room"),
                Decision.add("t-alpha", 1, "room"));

        assertThat(report.outcomes()).extracting(o -> o.error().orElse("ok"))
                .containsExactly("antctl start failed in t-alpha", "skipped: an earlier action in t-alpha failed");
        assertThat(actions.calls()).containsExactly("start t-alpha [antnode1]");
    }

    @Test
    void restartMarksNodesRestartingWhileItRunsAndSurveyDoesNothing() {
        RunFixtures.node(store, alpha, 1, NodeStatus.UNKNOWN, "0.4.17");

        ExecutionReport report = run(Decision.onServices(Action.RESTART, "t-alpha", services(1), "silent"),
                Decision.survey("look"));

        assertThat(report.outcomes()).hasSize(1);
        assertThat(actions.calls()).containsExactly("restart t-alpha [antnode1]");
    }
}
