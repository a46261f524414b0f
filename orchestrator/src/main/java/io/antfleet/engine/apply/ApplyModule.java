package io.antfleet.engine.apply;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.config.settings.Setting;
import io.antfleet.config.settings.Settings;
import io.antfleet.docker.DockerGateway;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.plan.FleetPlanner;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import java.time.Clock;
import java.util.Optional;

/**
 * The apply flow: planner, executor and the Docker/antctl/store observer. Needs the Docker, antctl and
 * store modules' bindings. Tests swap {@link FleetObserver} by building the service themselves.
 * The faucet and donate addresses come from the global {@link Settings} when a module binds them (the
 * CLI's does), else from the constructor.
 */
public final class ApplyModule extends AbstractModule {
    private static final int PARALLEL_CONTAINERS = 4;
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
    PlanExecutor planExecutor(DockerGateway docker, AntctlManagerFactory managers, ContainerRepository containers,
            NodeRepository nodes, OperationJournal journal, WalletPicker wallets) {
        return new PlanExecutor(new ApplyDeps(docker, managers, containers, nodes, journal,
                wallets, Clock.systemUTC()), PARALLEL_CONTAINERS);
    }
}
