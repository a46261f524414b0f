package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerGateways;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.spec.HostSpec;
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
 * other antfleet processes on this host respect too ({@link ContainerCallLocks}). antctl runs through the Docker
 * engine of the container's host ({@link DockerGateways}). Thread safe.
 */
public final class AntctlManagerFactory implements NodeManagers {
    private static final Logger LOG = LoggerFactory.getLogger(AntctlManagerFactory.class);

    private final DockerGateways gateways;
    private final AntctlSettings settings;
    private final LivenessProbe probe;
    private final Map<String, AntctlManager> managers = new ConcurrentHashMap<>();
    private final ContainerCallLocks locks = ContainerCallLocks.inTempDir();
    private final PerImage<AntctlDialect> dialects = new PerImage<>();

    /** Over the local engine alone. */
    public AntctlManagerFactory(DockerGateway gateway, AntctlSettings settings, LivenessProbe probe) {
        this(DockerGateways.only(gateway), settings, probe);
    }

    @Inject
    public AntctlManagerFactory(DockerGateways gateways, AntctlSettings settings, LivenessProbe probe) {
        this.gateways = requireNonNull(gateways, "gateways is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.probe = requireNonNull(probe, "probe is null");
    }

    @Override
    public AntctlManager forContainer(Container container) {
        return (AntctlManager) NodeManagers.super.forContainer(container);
    }

    /** A container of the local engine. */
    public AntctlManager forContainer(String address, String displayName, ProcessManager mode) {
        return forContainer(HostSpec.LOCAL, address, displayName, mode);
    }

    /**
     * Another host's nodes bind their metrics to that host's 127.0.0.1, which this one cannot reach: their manager
     * probes nothing over HTTP ({@link LivenessProbe#UNCHECKED}).
     */
    @Override
    public AntctlManager forContainer(String host, String address, String displayName, ProcessManager mode) {
        return forContainer(host, address, displayName, mode, null);
    }

    /** {@inheritDoc} A manager made earlier for the container is handed out as it is. */
    @Override
    public AntctlManager forContainer(String host, String address, String displayName, ProcessManager mode,
            String imageId) {
        requireNonNull(host, "host is null");
        requireNonNull(address, "address is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(mode, "mode is null");
        boolean local = HostSpec.LOCAL.equals(host);
        return managers.computeIfAbsent(host + "|" + address + "|" + mode.label(), k -> manager(new LockedRunner(
                new DockerExecRunner(gateways.forHost(host), address, displayName, mode, settings, imageId), locks,
                lockName(host, displayName)), local ? probe : LivenessProbe.UNCHECKED));
    }

    /**
     * The lock of a container's antctl calls. The lock file is this machine's, and a Docker name is unique only on its
     * engine: another host's container's lock carries its host, after a '/', which neither a host name
     * ({@link io.antfleet.fleet.spec.FleetSpec#isValidName}) nor a Docker name can hold, so that host far's {@code x}
     * and a local {@code far-x} never share one.
     */
    static String lockName(String host, String dockerName) {
        return "container-" + (HostSpec.LOCAL.equals(host) ? "" : host + "/") + dockerName;
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
        return manager(runner, probe);
    }

    private AntctlManager manager(AntctlRunner runner, LivenessProbe liveness) {
        return new AntctlManager(new AntctlClient(runner, settings, LOG::warn, dialects), liveness, settings);
    }
}
