package io.antfleet.ant;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerGateways;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.nodemanager.PerImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link AntManager} per container (the same instance every time, so its calls are serialised), reaching it
 * through the Docker engine of its host. Thread safe.
 */
public final class AntManagers {
    private final DockerGateways gateways;
    private final AntSettings settings;
    private final Map<String, AntManager> managers = new ConcurrentHashMap<>();
    private final PerImage<String> versions = new PerImage<>();

    /** Over the local engine alone. */
    public AntManagers(DockerGateway gateway, AntSettings settings) {
        this(DockerGateways.only(gateway), settings);
    }

    @Inject
    public AntManagers(DockerGateways gateways, AntSettings settings) {
        this.gateways = requireNonNull(gateways, "gateways is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** A container of the local engine. */
    public AntManager forContainer(String address, String displayName) {
        return forContainer(HostSpec.LOCAL, address, displayName);
    }

    /**
     * {@code host} names the engine the container runs on, {@code address} is how Docker finds the container there
     * (id or name), {@code displayName} how errors name it.
     */
    public AntManager forContainer(String host, String address, String displayName) {
        requireNonNull(host, "host is null");
        requireNonNull(address, "address is null");
        requireNonNull(displayName, "displayName is null");
        return managers.computeIfAbsent(host + "|" + address,
                k -> new AntManager(new AntExec(gateways.forHost(host), address, displayName, settings), settings, versions));
    }
}
