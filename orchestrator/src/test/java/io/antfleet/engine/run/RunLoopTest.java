package io.antfleet.engine.run;

import io.antfleet.engine.MemoryDecisionLog;
import static io.antfleet.engine.run.RunFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.TestClock;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.DirectWork;
import io.antfleet.engine.FlakyLease;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.apply.LeaseHeldException;
import io.antfleet.engine.apply.MemoryLease;
import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import io.antfleet.fleet.decide.DecisionEngine;
import io.antfleet.fleet.decide.Delays;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.store.DatabaseLease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunLoopTest {
    private static final HostSample IDLE = HostSample.idle().withLoad(0.1, 0.1, 0.1);
    private static final HostSample BUSY = IDLE.withMem(90);

    private final MemoryStore store = new MemoryStore();
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final MemorySettings settings = new MemorySettings();
    private final MemoryLease lease = new MemoryLease();
    private final FakeSweeper sweeper = new FakeSweeper();
    private final FakeNodeActions actions = new FakeNodeActions(store, sweeper);
    private final TestClock clock = new TestClock(T0);
    private final FleetMetrics metrics = new FleetMetrics("test-host");
    private final MemoryHistoryLog hostHistory = new MemoryHistoryLog();
    private final List<Map<String, List<String>>> resurveys = new ArrayList<>();
    private final List<DecisionExecutor> executors = new ArrayList<>();
    private final MemoryDecisionLog log = new MemoryDecisionLog();
    private final CountingNodes history = new CountingNodes(store.nodes);
    private final Container alpha = RunFixtures.container(store, docker, "t-alpha", 0);
    private RunTarget target = RunTarget.of(RunFixtures.spec(), 2);

    @AfterEach
    void close() {
        executors.forEach(DecisionExecutor::close);
    }

    /** A fresh loop over the same store and settings, as after a restart of antfleet. */
    private RunLoop loop() {
        return loop(lease, RunLoop.FIRST_RETRY);
    }

    private RunLoop loop(DatabaseLease on, Duration firstRetry) {
        DecisionExecutor executor = new DecisionExecutor(new ContainerDecisions(actions, store.nodes, new DirectWork(),
                new WalletPicker(Optional.empty(), Optional.empty(), n -> 0), sweeper, clock, clock::advance,
                Duration.ofSeconds(30), Duration.ofSeconds(2)), 2, Duration.ofMinutes(1));
        executors.add(executor);
        return new RunLoop(new RunObserver(store.containers, store.nodes, sweeper, docker, clock), new DecisionEngine(), executor,
                new RunState(settings), on, metrics, resurveys::add, log, new DirectWork(),
                new ReadingHistory(history, settings, hostHistory), new RunEvents(metrics), new FleetMutex(), clock, firstRetry);
    }

    private List<CycleReport> runOnce(RunLoop loop, HostSample host) {
        List<CycleReport> reports = new ArrayList<>();
        loop.run(target, HostSource.assumed(host), Duration.ofSeconds(60), true, reports::add);
        return reports;
    }

    @Test
    void anIdleHostGrowsTheFleetWithinTheStartLimitAndRecordsTheCycle() {
        List<CycleReport> reports = runOnce(loop(), IDLE);

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).decisions().actions()).containsExactly(Action.ADD);
        assertThat(actions.calls()).hasSize(2).first().asString().startsWith("add t-alpha 2 ");
        assertThat(settings.get(RunState.LAST_CYCLE)).contains(T0.toString());
        assertThat(log.recent(10)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("ADD");
            assertThat(d.count()).isEqualTo(2);
            assertThat(d.outcome()).isEqualTo("DONE");
            assertThat(d.reason()).contains("host has room");
        });
        assertThat(lease.current()).as("released at the end").isEmpty();
        assertThat(metrics.render()).contains("antfleet_actions_total{action=\"ADD\"} 2");
    }

    @Test
    void aCyclePrunesTheReadingsHistoryBeyondItsRetentionAndADryRunDoesNot() {
        loop().cycle(target, HostSource.assumed(IDLE), true);
        assertThat(history.pruneCutoffs).isEmpty();

        runOnce(loop(), IDLE);

        assertThat(history.pruneCutoffs).containsExactly(T0.minus(settings.readingRetention()));
    }

    @Test
    void aRestartOfAntfleetDoesNotEraseACooldown() {
        target = new RunTarget(target.spec(), target.settings().withDelays(new Delays(Duration.ofSeconds(300),
                Duration.ZERO, Duration.ZERO, Duration.ZERO)));
        runOnce(loop(), IDLE);
        clock.advance(Duration.ofSeconds(10));

        List<CycleReport> second = runOnce(loop(), IDLE);

        assertThat(second.get(0).decisions().actions()).containsExactly(Action.SURVEY);
        assertThat(second.get(0).decisions().list().get(0).reason()).contains("delay_start runs until " + T0.plusSeconds(300));
        assertThat(actions.calls()).hasSize(2);
    }

    @Test
    void memoryPressureStopsTheYoungestRunningNode() {
        for (int i = 1; i <= 2; i++) {
            Node n = RunFixtures.node(store, alpha, i, NodeStatus.RUNNING, "0.4.17");
            sweeper.answer(n.metricsPort(), "0.4.17");
        }

        runOnce(loop(), BUSY);

        assertThat(actions.calls()).containsExactly("stop t-alpha [antnode2]");
    }

    @Test
    void aCycleExportsItsNodesAndHostForGrafanaAndKeepsTheHostReadingForTheDashboard() {
        for (int i = 1; i <= 2; i++) {
            Node n = RunFixtures.node(store, alpha, i, NodeStatus.RUNNING, "0.4.17");
            sweeper.answer(n.metricsPort(), "0.4.17");
        }

        runOnce(loop(), BUSY);

        assertThat(metrics.render()).contains(
                "antfleet_node_up{host=\"test-host\",container=\"t-alpha\",service=\"antnode1\"} 1",
                "antfleet_node_status{host=\"test-host\",container=\"t-alpha\",service=\"antnode2\",status=\"RUNNING\"} 1",
                "antfleet_container_up{host=\"test-host\",container=\"t-alpha\"} 1",
                "antfleet_host_usage{host=\"test-host\",resource=\"mem\"} 90",
                "antfleet_host_remove_threshold{host=\"test-host\",resource=\"mem\"} 75",
                "antfleet_lease_held{host=\"test-host\"} 1");
        assertThat(hostHistory.hosts).singleElement().satisfies(h -> {
            assertThat(h.memPercent()).isEqualTo(90.0);
            assertThat(h.nodesRunning()).isEqualTo(2);
        });
    }

    @Test
    void aPausedAutoscalerDecidesButCarriesNothingOut() {
        for (int i = 1; i <= 2; i++) {
            Node n = RunFixtures.node(store, alpha, i, NodeStatus.RUNNING, "0.4.17");
            sweeper.answer(n.metricsPort(), "0.4.17");
        }
        new RunState(settings).pause(true);

        List<CycleReport> reports = runOnce(loop(), BUSY);

        assertThat(reports.get(0).decisions().actions()).contains(Action.STOP);
        assertThat(reports.get(0).notes()).anySatisfy(n -> assertThat(n).startsWith("autoscaler paused"));
        assertThat(actions.calls()).isEmpty();

        new RunState(settings).pause(false);
        runOnce(loop(), BUSY);
        assertThat(actions.calls()).containsExactly("stop t-alpha [antnode2]");
    }

    @Test
    void anotherHolderOfTheLeaseMakesRunChangeNothing() {
        lease.tryAcquire("apply pid 1", Duration.ofMinutes(5));

        assertThatThrownBy(() -> runOnce(loop(), IDLE)).isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("apply pid 1");
        assertThat(actions.calls()).isEmpty();
        assertThat(lease.current().orElseThrow().holder()).isEqualTo("apply pid 1");
    }

    @Test
    void afterAHostRebootTheCycleOnlyResurveys() {
        settings.put(RunState.LAST_CYCLE, T0.minusSeconds(3600).toString());
        HostSource rebooted = new HostSource() {
            @Override
            public HostSample sample() {
                return IDLE;
            }

            @Override
            public Optional<Instant> bootTime() {
                return Optional.of(T0.minusSeconds(60));
            }
        };

        CycleReport report = loop().cycle(target, rebooted, false);

        assertThat(report.decisions().actions()).containsExactly(Action.SURVEY);
        assertThat(resurveys).containsExactly(Map.of("local", List.of("t-alpha")));
        assertThat(actions.calls()).isEmpty();
    }

    @Test
    void aDryRunDecidesButCarriesOutAndStoresNothing() {
        CycleReport report = loop().cycle(target, HostSource.assumed(IDLE), true);

        assertThat(report.decisions().actions()).containsExactly(Action.ADD);
        assertThat(report.execution()).isEmpty();
        assertThat(actions.calls()).isEmpty();
        assertThat(settings.all()).isEmpty();
        assertThat(log.recent(10)).isEmpty();
    }

    @Test
    void aHaltedRollIsRememberedAndNoFurtherUpgradeIsTried() {
        Node n = RunFixtures.node(store, alpha, 1, NodeStatus.RUNNING, "0.4.16");
        sweeper.answer(n.metricsPort(), "0.4.16");
        actions.failUpgrades.add("t-alpha");
        RunLoop loop = loop();

        CycleReport first = loop.cycle(target, HostSource.assumed(IDLE), false);
        CycleReport second = loop.cycle(target, HostSource.assumed(IDLE), false);

        assertThat(first.notes()).anySatisfy(s -> assertThat(s).contains("rolling upgrade stopped", "download failed"));
        assertThat(second.decisions().actions()).doesNotContain(Action.UPGRADE);
        assertThat(second.notes()).anySatisfy(s -> assertThat(s).contains("halted"));
        assertThat(actions.calls()).filteredOn(c -> c.startsWith("upgrade")).hasSize(1);
        assertThat(log.recent(10)).filteredOn(d -> d.action().equals("UPGRADE")).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo("FAILED"));
    }

    @Test
    void stopEndsAWaitingLoopAndReleasesTheLease() {
        RunLoop loop = loop();
        Thread t = new Thread(() -> loop.run(target, HostSource.assumed(BUSY), Duration.ofHours(1), false, r -> { }));
        t.start();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> lease.current().isPresent());

        loop.stop();

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !t.isAlive());
        assertThat(lease.current()).isEmpty();
    }

    /** Hears reports and failures from the loop's thread. */
    private static final class Heard implements CycleListener {
        final List<CycleReport> reports = new CopyOnWriteArrayList<>();
        final List<CycleFailure> failures = new CopyOnWriteArrayList<>();

        @Override
        public void accept(CycleReport report) {
            reports.add(report);
        }

        @Override
        public void failed(CycleFailure failure) {
            failures.add(failure);
        }
    }

    private static Thread started(Runnable body, AtomicReference<Throwable> thrown) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, "run-loop-test");
        t.start();
        return t;
    }

    @Test
    void whileTheDatabaseIsAwayCyclesFailWithItsErrorAndAreRetriedAfterADoublingWaitUpToTheInterval() {
        FlakyLease flaky = new FlakyLease();
        RunLoop loop = loop(flaky, Duration.ofMillis(10));
        Heard heard = new Heard();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        flaky.down = true;
        Thread t = started(() -> loop.run(target, HostSource.assumed(IDLE), Duration.ofMillis(80), false, heard), thrown);

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> heard.failures.size() >= 6);
        assertThat(heard.failures).extracting(CycleFailure::retryIn).startsWith(Duration.ofMillis(10),
                Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(80));
        assertThat(heard.failures).allSatisfy(f -> assertThat(f.error()).isEqualTo(FlakyLease.ERROR));
        assertThat(heard.reports).isEmpty();
        assertThat(actions.calls()).as("nothing carried out without the lease").isEmpty();
        assertThat(log.recent(10)).isEmpty();

        flaky.down = false;
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !heard.reports.isEmpty());
        loop.stop();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !t.isAlive());

        assertThat(thrown.get()).isNull();
        assertThat(heard.reports.get(0).decisions().actions()).containsExactly(Action.ADD);
        assertThat(actions.calls()).first().asString().startsWith("add t-alpha 2 ");
        assertThat(resurveys).as("antctl's registries re-read once, before deciding again").containsExactly(
                Map.of("local", List.of("t-alpha", "t-beta")));
        assertThat(flaky.current()).as("released at the end").isEmpty();
    }

    @Test
    void runOnceWithTheDatabaseAwayReportsOneFailureAndDoesNotRetry() {
        FlakyLease flaky = new FlakyLease();
        Heard heard = new Heard();
        flaky.down = true;

        loop(flaky, Duration.ofMillis(10)).run(target, HostSource.assumed(IDLE), Duration.ofSeconds(60), true, heard);

        assertThat(heard.failures).singleElement().satisfies(f -> {
            assertThat(f.error()).contains("database error on jdbc:mariadb://");
            assertThat(f.retryIn()).isZero();
        });
        assertThat(heard.reports).isEmpty();
        assertThat(actions.calls()).isEmpty();
    }

    @Test
    void stopEndsTheWaitAfterAFailedCycleAtOnce() {
        FlakyLease flaky = new FlakyLease();
        RunLoop loop = loop(flaky, Duration.ofHours(1));
        Heard heard = new Heard();
        flaky.down = true;
        Thread t = started(() -> loop.run(target, HostSource.assumed(IDLE), Duration.ofHours(1), false, heard),
                new AtomicReference<>());
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !heard.failures.isEmpty());

        loop.stop();

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !t.isAlive());
        assertThat(heard.failures).singleElement().satisfies(f -> assertThat(f.retryIn()).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void aLeaseTakenByAnotherProcessWhileTheDatabaseWasAwayStopsTheRunWhenItIsBack() {
        FlakyLease flaky = new FlakyLease();
        RunLoop loop = loop(flaky, Duration.ofMillis(10));
        Heard heard = new Heard();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        flaky.down = true;
        Thread t = started(() -> loop.run(target, HostSource.assumed(IDLE), Duration.ofMillis(50), false, heard), thrown);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !heard.failures.isEmpty());
        String holder = flaky.current().orElseThrow().holder();
        flaky.lease.release(holder);
        flaky.lease.tryAcquire("apply pid 2", Duration.ofMinutes(5));

        flaky.down = false;

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !t.isAlive());
        assertThat(thrown.get()).isInstanceOf(LeaseHeldException.class).hasMessageContaining("lost");
        assertThat(heard.reports).isEmpty();
        assertThat(actions.calls()).isEmpty();
        assertThat(flaky.current().orElseThrow().holder()).isEqualTo("apply pid 2");
    }

    @Test
    void anUnexpectedErrorInACycleIsReportedOnOneLineNamingItsKind() {
        RuntimeException npe = new NullPointerException("node row 7 has no port\n\tat somewhere");

        assertThat(RunLoop.oneLine(npe)).isEqualTo("NullPointerException: node row 7 has no port");
        assertThat(RunLoop.oneLine(new io.antfleet.store.StoreException(FlakyLease.ERROR))).isEqualTo(FlakyLease.ERROR);
        assertThat(RunLoop.oneLine(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aCycleThatCannotConfirmTheLeaseCarriesNothingOutAndRecordsNothing() {
        assertThatThrownBy(() -> loop().cycle(target, HostSource.assumed(IDLE), false, () -> false))
                .hasMessageContaining("lease could not be confirmed").hasMessageContaining("nothing carried out");

        assertThat(actions.calls()).isEmpty();
        assertThat(settings.all()).isEmpty();
        assertThat(log.recent(10)).isEmpty();
    }

    @Test
    void aLeaseThatGoesUnconfirmedDuringTheCycleStopsTheDecisionsLeftAndRecordsNothing() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        assertThatThrownBy(() -> loop().cycle(target, HostSource.assumed(IDLE), false, () -> asked.incrementAndGet() <= 2))
                .hasMessageContaining("the rest of this cycle's decisions were not carried out");

        assertThat(actions.calls()).hasSize(2).first().asString().startsWith("add t-alpha 2 ");
        assertThat(settings.all()).as("no timers, no cycle time").isEmpty();
        assertThat(log.recent(10)).isEmpty();
    }

    @Test
    void aCycleWithAContainerDownSaysSoAndActsOnlyInTheOthersUntilItIsBack() {
        Node n = RunFixtures.node(store, alpha, 1, NodeStatus.RUNNING, "0.4.17");
        sweeper.answer(n.metricsPort(), "0.4.17");
        RunFixtures.container(store, docker, "t-beta", 1);
        docker.kill("t-alpha");
        RunLoop loop = loop();

        CycleReport down = loop.cycle(target, HostSource.assumed(IDLE), false);

        assertThat(down.docker().down()).containsOnlyKeys("t-alpha");
        assertThat(down.notes()).anySatisfy(s -> assertThat(s).startsWith("container t-alpha is not running")
                .contains("`antfleet apply`"));
        assertThat(down.decisions().list()).extracting(Decision::container).doesNotContain("t-alpha");
        assertThat(actions.calls()).isNotEmpty().noneSatisfy(c -> assertThat(c).contains("t-alpha"));
        assertThat(down.ok()).isTrue();

        docker.start("t-alpha");
        sweeper.silence(n.metricsPort());
        CycleReport back = loop.cycle(target, HostSource.assumed(IDLE), false);

        assertThat(back.docker().clean()).isTrue();
        assertThat(back.notes()).isEmpty();
        assertThat(actions.calls()).contains("start t-alpha [antnode1]");
    }

    @Test
    void aCycleWithoutDockerSaysSoCarriesOutNothingAndTheNextOneActsAgain() {
        RunLoop loop = loop();
        docker.unreachable("cannot list containers by labels [antfleet.fleet=t]: java.net.SocketException: Connection refused");

        CycleReport blind = loop.cycle(target, HostSource.assumed(IDLE), false);

        assertThat(blind.docker().unreachable()).isPresent();
        assertThat(blind.notes()).singleElement().asString().startsWith("docker unreachable: cannot list containers");
        assertThat(blind.decisions().actions()).containsExactly(Action.SURVEY);
        assertThat(blind.decisions().list().get(0).reason()).contains("no container can be acted on");
        assertThat(actions.calls()).isEmpty();
        assertThat(settings.get(RunState.LAST_CYCLE)).contains(T0.toString());

        docker.unreachable(null);
        CycleReport again = loop.cycle(target, HostSource.assumed(IDLE), false);

        assertThat(again.docker().clean()).isTrue();
        assertThat(again.decisions().actions()).containsExactly(Action.ADD);
        assertThat(again.ok()).isTrue();
    }
}
