package io.antfleet.engine.run;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.fleet.decide.DecisionEngine;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.metrics.MetricsSweep;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.UnitOfWork;
import java.time.Clock;
import java.time.Duration;

/**
 * The run loop's bindings over the store, antctl, import, apply (the wallet picker) and metrics modules.
 * The executor's threads are owned by the {@link DecisionExecutor} singleton.
 */
public final class RunModule extends AbstractModule {
    static final int PARALLEL_CONTAINERS = 4;
    static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration GATE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration GATE_POLL = Duration.ofSeconds(2);

    @Override
    protected void configure() {
        bind(RunObserver.class);
        bind(RunState.class);
        bind(ReadingHistory.class);
        bind(RunEvents.class).in(com.google.inject.Singleton.class);
        bind(FleetMutex.class).in(com.google.inject.Singleton.class);
        bind(FleetAdoption.class);
        bind(LifecycleNodeActions.class);
    }

    @Provides
    NodeActions actions(LifecycleNodeActions lifecycle, FleetMetrics metrics) {
        return new MeteredNodeActions(lifecycle, metrics);
    }

    @Provides
    NodeSweeper sweeper(MetricsSweep sweep) {
        return sweep::sweep;
    }

    @Provides
    @Singleton
    DecisionExecutor executor(NodeActions actions, NodeRepository nodes, UnitOfWork unit, WalletPicker wallets,
            MetricsSweep sweep, Clock clock) {
        // The upgrade gate waits for a new version: it reads /metadata on every poll, never the cached one.
        NodeSweeper gateSweeper = sweep::sweepFresh;
        ContainerDecisions perContainer = new ContainerDecisions(actions, nodes, unit, wallets, gateSweeper, clock,
                Pacer.sleeping(), GATE_TIMEOUT, GATE_POLL);
        return new DecisionExecutor(perContainer, PARALLEL_CONTAINERS, CYCLE_TIMEOUT);
    }

    @Provides
    RunLoop loop(RunObserver observer, DecisionEngine engine, DecisionExecutor executor, RunState state,
            DatabaseLease lease, FleetMetrics metrics, ImportService imports, OperationJournal journal, DecisionLog log,
            UnitOfWork unit, ReadingHistory history, RunEvents events, FleetMutex mutex, Clock clock) {
        Resurveyor resurvey = new RegistryResurveyor(imports, journal);
        return new RunLoop(observer, engine, executor, state, lease, metrics, resurvey, log, unit, history, events, mutex, clock);
    }
}
