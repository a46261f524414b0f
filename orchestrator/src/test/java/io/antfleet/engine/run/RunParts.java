package io.antfleet.engine.run;

import io.antfleet.engine.MemoryDecisionLog;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.DirectWork;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.fleet.decide.DecisionEngine;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.MachineSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A run loop over fakes, for tests outside this package (the CLI's). */
public final class RunParts {
    private RunParts() {
    }

    /**
     * A loop over the memory store whose node actions are recorded by a fake that answers metrics itself;
     * {@code docker} says which containers are up.
     */
    public static RunLoop loop(MemoryStore store, DockerGateway docker, MachineSettings settings, DatabaseLease lease,
            Clock clock) {
        return loop(store, docker, settings, lease, clock, new RunEvents(new FleetMetrics("test-host")));
    }

    /** As above, telling {@code events} what each cycle saw. */
    public static RunLoop loop(MemoryStore store, DockerGateway docker, MachineSettings settings, DatabaseLease lease,
            Clock clock, RunEvents events) {
        FakeSweeper sweeper = new FakeSweeper();
        FleetMetrics metrics = new FleetMetrics("test-host");
        FakeNodeActions actions = new FakeNodeActions(store, sweeper);
        DecisionExecutor executor = new DecisionExecutor(new ContainerDecisions(actions, store.nodes, new DirectWork(),
                new WalletPicker(Optional.empty(), Optional.empty(), n -> 0), sweeper, clock, d -> { },
                Duration.ofSeconds(30), Duration.ofSeconds(2)), 1, Duration.ofMinutes(1));
        return new RunLoop(new RunObserver(store.containers, store.nodes, sweeper, docker, clock), new DecisionEngine(), executor,
                new RunState(settings), lease, metrics, names -> { }, new MemoryDecisionLog(), new DirectWork(),
                new ReadingHistory(store.nodes, settings, new MemoryHistoryLog()), events, new FleetMutex(), clock);
    }

    public static MachineSettings settings() {
        return new MemorySettings();
    }
}
