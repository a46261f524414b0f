package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.docker.DockerGateway;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.PerImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out one {@link AntctlManager} per container and mode (the same instance every time, so calls
 * into one container's registry are serialised), and every antctl call holds the container's lock, which
 * other antfleet processes on this host respect too ({@link ContainerCallLocks}). Thread safe.
 */
public final class AntctlManagerFactory implements NodeManagers {
    private static final Logger LOG = LoggerFactory.getLogger(AntctlManagerFactory.class);

    private final DockerGateway gateway;
    private final AntctlSettings settings;
    private final LivenessProbe probe;
    private final Map<String, AntctlManager> managers = new ConcurrentHashMap<>();
    private final ContainerCallLocks locks = ContainerCallLocks.inTempDir();
    private final PerImage<AntctlDialect> dialects = new PerImage<>();

    @Inject
    public AntctlManagerFactory(DockerGateway gateway, AntctlSettings settings, LivenessProbe probe) {
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.probe = requireNonNull(probe, "probe is null");
    }

    @Override
    public AntctlManager forContainer(Container container) {
        return (AntctlManager) NodeManagers.super.forContainer(container);
    }

    @Override
    public AntctlManager forContainer(String address, String displayName, ProcessManager mode) {
        requireNonNull(address, "address is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(mode, "mode is null");
        return managers.computeIfAbsent(address + "|" + mode.label(),
                k -> forRunner(new LockedRunner(new DockerExecRunner(gateway, address, displayName, mode, settings),
                        locks, "container-" + displayName)));
    }

    /** antctl on the host itself: as the current user, or through {@code sudo -n} for the system registry. */
    public AntctlManager forHost(ProcessManager mode) {
        List<String> prefix = mode.runsAsRoot() ? List.of("sudo", "-n") : List.of();
        return managers.computeIfAbsent("host|" + mode.label(),
                k -> forRunner(new LockedRunner(new LocalRunner(settings.antctlPath(), prefix), locks,
                        "host-" + mode.label())));
    }

    /** A manager over any runner (a test double, a custom transport); not cached; its image's dialect is shared. */
    public AntctlManager forRunner(AntctlRunner runner) {
        return new AntctlManager(new AntctlClient(runner, settings, LOG::warn, dialects), probe, settings);
    }
}
