package io.antfleet.engine.run;

import static io.antfleet.engine.run.RunFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import io.antfleet.TestClock;
import io.antfleet.cli.Bootstrap;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.DirectWork;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.apply.MemoryLease;
import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.fleet.decide.DecisionEngine;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.store.Database;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.DecisionRecord;
import io.antfleet.store.MachineSettings;
import io.antfleet.store.StoreConnection;
import io.antfleet.store.StoreException;
import io.antfleet.store.StoreModule;
import io.antfleet.store.UnitOfWork;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cycle's own records (timers, the cycle's time, the decisions) over the real (in-memory H2) store: one
 * unit, so a database lost while they are written leaves none of them.
 */
class CycleRecordsTest {
    private final Injector injector = Bootstrap.injector(List.of(new StoreModule(
            Database.inMemory("cycle_records_" + UUID.randomUUID().toString().replace("-", "")))));
    private final MachineSettings settings = injector.getInstance(MachineSettings.class);
    private final DecisionLog decisions = injector.getInstance(DecisionLog.class);
    private final MemoryStore store = new MemoryStore();
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final FakeSweeper sweeper = new FakeSweeper();
    private final FakeNodeActions actions = new FakeNodeActions(store, sweeper);
    private final TestClock clock = new TestClock(T0);
    private final DecisionExecutor executor = new DecisionExecutor(new ContainerDecisions(actions, store.nodes,
            new DirectWork(), new WalletPicker(Optional.empty(), Optional.empty(), n -> 0), sweeper, clock, clock::advance,
            Duration.ofSeconds(30), Duration.ofSeconds(2)), 1, Duration.ofMinutes(1));
    private volatile boolean logCut;

    CycleRecordsTest() {
        RunFixtures.container(store, docker, "t-alpha", 0);
    }

    @AfterEach
    void close() {
        executor.close();
        injector.getInstance(StoreConnection.class).close();
    }

    private CycleReport cycle() {
        DecisionLog cutting = new DecisionLog() {
            @Override
            public void record(List<DecisionRecord> records) {
                decisions.record(records);
                if (logCut) {
                    throw new StoreException("database error on jdbc:test: (conn=7) Socket error (SQLState 08000, code -1)");
                }
            }

            @Override
            public List<DecisionRecord> recent(int limit) {
                return decisions.recent(limit);
            }

            @Override
            public List<DecisionRecord> recentOf(String action, long containerId, int limit) {
                return decisions.recentOf(action, containerId, limit);
            }
        };
        FleetMetrics metrics = new FleetMetrics("test-host");
        RunLoop loop = new RunLoop(new RunObserver(store.containers, store.nodes, sweeper, docker, clock), new DecisionEngine(),
                executor, new RunState(settings), new MemoryLease(), metrics, names -> { }, cutting,
                injector.getInstance(UnitOfWork.class), new ReadingHistory(store.nodes, settings, new MemoryHistoryLog()),
                new RunEvents(metrics), new FleetMutex(), clock);
        return loop.cycle(RunTarget.of(RunFixtures.spec(), 2), HostSource.assumed(HostSample.idle()), false);
    }

    @Test
    void aDatabaseLostWhileACycleIsRecordedLeavesNeitherTimersNorTheCycleTimeNorDecisions() {
        logCut = true;

        assertThatThrownBy(this::cycle).isInstanceOf(StoreException.class).hasMessageContaining("database error");

        assertThat(actions.calls()).as("antctl carried the ADD out (the journal has it)").isNotEmpty();
        assertThat(settings.all()).doesNotContainKeys(RunState.LAST_CYCLE, RunState.timerKey(io.antfleet.fleet.decide.Timers.Kind.START));
        assertThat(decisions.recent(10)).isEmpty();
    }

    @Test
    void aCycleRecordedWholeKeepsItsTimeTimersAndDecisionsTogether() {
        cycle();

        assertThat(settings.get(RunState.LAST_CYCLE)).contains(T0.toString());
        assertThat(settings.all()).containsKey(RunState.timerKey(io.antfleet.fleet.decide.Timers.Kind.START));
        assertThat(decisions.recent(10)).singleElement().satisfies(d -> assertThat(d.outcome()).isEqualTo("DONE"));
    }
}
