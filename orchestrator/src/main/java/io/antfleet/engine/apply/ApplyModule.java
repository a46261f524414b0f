package io.antfleet.engine.apply;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.antfleet.config.settings.Setting;
import io.antfleet.config.settings.Settings;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * The apply flow: planner, executor and the Docker/antctl/store observer. Needs the Docker, antctl and
 * store modules' bindings. Tests swap {@link FleetObserver} by building the service themselves.
 * The faucet and donate addresses come from the global {@link Settings} when a module binds them (the
 * CLI's does), else from the constructor.
 */
public final class ApplyModule extends AbstractModule {
    /**
     * How many containers an apply works on at once: all of the plan's, up to this bound. Docker takes 20
     * container creations at once easily; what limits is antctl's CPU inside the containers, so a script's
     * "all at once" is the floor to match. {@code -Dantfleet.apply.parallelContainers=N} (e.g. through
     * ANTFLEET_JAVA_OPTS) changes it, 1..256.
     */
    static final int DEFAULT_PARALLEL_CONTAINERS = 32;
    static final String PARALLEL_PROPERTY = "antfleet.apply.parallelContainers";
    private final Optional<WalletAddress> faucet;
    private final Optional<WalletAddress> donate;

    public ApplyModule() {
        this(Optional.empty(), Optional.empty());
    }

    public ApplyModule(Optional<WalletAddress> faucet, Optional<WalletAddress> donate) {
        this.faucet = faucet;
        this.donate = donate;
    }

    @Override
    protected void configure() {
        bind(NodeLifecycle.class).in(Singleton.class);
        bind(FleetPlanner.class).toInstance(new FleetPlanner());
        bind(FleetObserver.class).to(DockerFleetObserver.class);
        bind(DockerFleetObserver.class);
        bind(ApplyService.class);
        bind(io.antfleet.engine.status.StatusService.class);
        bind(io.antfleet.engine.teardown.TeardownService.class);
        bind(io.antfleet.engine.node.NodeService.class);
        OptionalBinder.newOptionalBinder(binder(), Settings.class);
    }

    @Provides
    @Singleton
    WalletPicker walletPicker(Provider<Optional<Settings>> settings) {
        return WalletPicker.secure(() -> address(settings, Setting.FAUCET_ADDRESS).or(() -> faucet),
                () -> address(settings, Setting.DONATE_ADDRESS).or(() -> donate));
    }

    private static Optional<WalletAddress> address(Provider<Optional<Settings>> settings, Setting setting) {
        return settings.get().flatMap(s -> s.get(setting, WalletAddress.class));
    }

    @Provides
    @Singleton
    PlanExecutor planExecutor(DockerGateway docker, NodeManagers managers, ContainerRepository containers,
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
}
