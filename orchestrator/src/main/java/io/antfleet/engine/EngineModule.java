package io.antfleet.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.antfleet.config.OwnedResources;
import io.antfleet.config.settings.Setting;
import io.antfleet.config.settings.Settings;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.apply.ApplyDeps;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.DockerFleetObserver;
import io.antfleet.engine.apply.FleetObserver;
import io.antfleet.engine.apply.PlanExecutor;
import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.engine.node.NodeService;
import io.antfleet.engine.report.CountersHostProbe;
import io.antfleet.engine.report.HostProbe;
import io.antfleet.engine.report.ReportService;
import io.antfleet.engine.run.ContainerDecisions;
import io.antfleet.engine.run.DecisionExecutor;
import io.antfleet.engine.run.FleetAdoption;
import io.antfleet.engine.run.FleetMutex;
import io.antfleet.engine.run.LifecycleNodeActions;
import io.antfleet.engine.run.MeteredNodeActions;
import io.antfleet.engine.run.NodeActions;
import io.antfleet.engine.run.NodeSweeper;
import io.antfleet.engine.run.Pacer;
import io.antfleet.engine.run.ReadingHistory;
import io.antfleet.engine.run.RegistryResurveyor;
import io.antfleet.engine.run.Resurveyor;
import io.antfleet.engine.run.RunEvents;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunObserver;
import io.antfleet.engine.run.WatchPool;
import io.antfleet.engine.run.RunState;
import io.antfleet.engine.status.StatusService;
import io.antfleet.engine.teardown.TeardownService;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.decide.DecisionEngine;
import io.antfleet.fleet.plan.AddressLimit;
import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.metrics.MetricsSweep;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The engine's bindings: import, apply, the {@code node} commands, status, teardown, report and the run
 * loop, over the store, Docker, node-manager and metrics modules. Every node change goes through the one
 * {@link NodeLifecycle}. The faucet and donate addresses come from the global {@link Settings} when a
 * module binds them (the CLI's does). The run loop's executor is handed to {@link OwnedResources}.
 */
public final class EngineModule extends AbstractModule {
    /**
     * How many containers an apply works on at once: all of the plan's, up to this bound. Docker takes 20
     * container creations at once easily; what limits is antctl's CPU inside the containers, so a script's
     * "all at once" is the floor to match. {@code -Dantfleet.apply.parallelContainers=N} (e.g. through
     * ANTFLEET_JAVA_OPTS) changes it, 1..256.
     */
    static final int DEFAULT_PARALLEL_CONTAINERS = 32;
    static final String PARALLEL_PROPERTY = "antfleet.apply.parallelContainers";
    static final int RUN_PARALLEL_CONTAINERS = 4;
    /** Containers the run loop reads at once (ant containers: a few execs each; Docker starts ~40 a second here). */
    static final int RUN_WATCH_THREADS = 16;
    static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration GATE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration GATE_POLL = Duration.ofSeconds(2);

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), io.antfleet.ant.AntManagers.class);
        bind(NodeManagers.class).to(ManagersByMode.class);
        bind(ManagersByMode.class).in(Singleton.class);
        bind(NodeLifecycle.class).in(Singleton.class);
        bind(VersionChanges.class);
        bind(ImportService.class).in(Singleton.class);
        bind(FleetObserver.class).to(DockerFleetObserver.class);
        bind(DockerFleetObserver.class);
        bind(ApplyService.class);
        bind(StatusService.class);
        bind(TeardownService.class);
        bind(NodeService.class);
        bind(HostProbe.class).to(CountersHostProbe.class);
        bind(CountersHostProbe.class);
        bind(ReportService.class);
        bind(RunObserver.class);
        bind(io.antfleet.engine.run.AntRegistryWatch.class);
        bind(io.antfleet.engine.run.AntReadings.class);
        bind(RunState.class);
        bind(ReadingHistory.class);
        bind(RunEvents.class).in(Singleton.class);
        bind(FleetMutex.class).in(Singleton.class);
        bind(FleetAdoption.class);
        bind(LifecycleNodeActions.class);
        bind(FleetEngines.class);
        bind(StoreHostDirectory.class);
        OptionalBinder.newOptionalBinder(binder(), Settings.class);
        // the engines of other hosts are the store's host rows (DockerGateways opens each on first use)
        OptionalBinder.newOptionalBinder(binder(), io.antfleet.docker.HostDirectory.class).setBinding()
                .to(StoreHostDirectory.class);
        // a test sets ProbeRoute.ALL to read local containers the way remote ones are read
        OptionalBinder.newOptionalBinder(binder(), io.antfleet.engine.run.ProbeRoute.class).setDefault()
                .toInstance(io.antfleet.engine.run.ProbeRoute.REMOTE);
    }

    /** The run loop's probe of containers on other hosts, with its threads owned. */
    @Provides
    @Singleton
    io.antfleet.engine.run.ProbeObservation probeObservation(io.antfleet.probe.ContainerProbe probe, OwnedResources owned) {
        return owned.own(new io.antfleet.engine.run.ProbeObservation(probe));
    }

    /** One {@code antfleet-probe} exec per ant container per cycle, bound at 30 s. */
    @Provides
    @Singleton
    io.antfleet.probe.ContainerProbe containerProbe(io.antfleet.docker.DockerGateways docker) {
        return new io.antfleet.probe.DockerContainerProbe(docker, new io.antfleet.probe.ProbeParser(), Duration.ofSeconds(30));
    }

    /** apply's planner, with the max-nodes-per-address setting when settings are bound (its default otherwise). */
    @Provides
    @Singleton
    FleetPlanner fleetPlanner(Provider<Optional<Settings>> settings) {
        return new FleetPlanner(() -> new AddressLimit(settings.get().map(s -> s.integer(Setting.MAX_NODES_PER_ADDRESS))
                .orElse(AddressLimit.DEFAULT)));
    }

    @Provides
    @Singleton
    WalletPicker walletPicker(Provider<Optional<Settings>> settings) {
        return WalletPicker.secure(() -> address(settings, Setting.FAUCET_ADDRESS), () -> address(settings, Setting.DONATE_ADDRESS));
    }

    private static Optional<WalletAddress> address(Provider<Optional<Settings>> settings, Setting setting) {
        return settings.get().flatMap(s -> s.get(setting, WalletAddress.class));
    }

    @Provides
    @Singleton
    PlanExecutor planExecutor(io.antfleet.docker.DockerGateways docker, NodeManagers managers, ContainerRepository containers,
            NodeRepository nodes, NodeLifecycle lifecycle, WalletPicker wallets, Clock clock) {
        return new PlanExecutor(new ApplyDeps(docker, managers, containers, nodes, lifecycle, wallets, clock),
                parallelContainers(System.getProperty(PARALLEL_PROPERTY)));
    }

    /** The bound from the system property's value (null: the default). */
    static int parallelContainers(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PARALLEL_CONTAINERS;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PARALLEL_PROPERTY + " must be a whole number 1..256, got '" + value + "'");
    }

    @Provides
    NodeActions actions(LifecycleNodeActions lifecycle, FleetMetrics metrics) {
        return new MeteredNodeActions(lifecycle, metrics);
    }

    @Provides
    @Singleton
    WatchPool watchPool(OwnedResources owner) {
        return owner.own(WatchPool.of(RUN_WATCH_THREADS));
    }

    @Provides
    NodeSweeper sweeper(MetricsSweep sweep) {
        return sweep::sweep;
    }

    @Provides
    @Singleton
    DecisionExecutor executor(NodeActions actions, NodeRepository nodes, UnitOfWork unit, WalletPicker wallets,
            MetricsSweep sweep, io.antfleet.engine.run.ProbeObservation probes, io.antfleet.engine.run.ProbeRoute route,
            Clock clock, OwnedResources owner) {
        // The upgrade gate waits for a new version: it reads /metadata on every poll, never the cached one (the probe,
        // for another host's container, reads both every time).
        NodeSweeper gateSweeper = sweep::sweepFresh;
        ContainerDecisions perContainer = new ContainerDecisions(actions, nodes, unit, wallets, gateSweeper, probes, route,
                clock, Pacer.sleeping(), GATE_TIMEOUT, GATE_POLL);
        return owner.own(new DecisionExecutor(perContainer, RUN_PARALLEL_CONTAINERS, CYCLE_TIMEOUT));
    }

    @Provides
    RunLoop loop(RunObserver observer, DecisionEngine engine, DecisionExecutor executor, RunState state,
            DatabaseLease lease, FleetMetrics metrics, ImportService imports, OperationJournal journal, DecisionLog log,
            UnitOfWork unit, ReadingHistory history, RunEvents events, FleetMutex mutex, Clock clock) {
        Resurveyor resurvey = new RegistryResurveyor(imports, journal);
        return new RunLoop(observer, engine, executor, state, lease, metrics, resurvey, log, unit, history, events, mutex,
                clock);
    }
}
