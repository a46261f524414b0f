package io.antfleet.ant;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.docker.DockerGateway;
import io.antfleet.nodemanager.PerImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link AntManager} per container (the same instance every time, so its calls are serialised). Thread safe. */
public final class AntManagers {
    private final DockerGateway gateway;
    private final AntSettings settings;
    private final Map<String, AntManager> managers = new ConcurrentHashMap<>();
    private final PerImage<String> versions = new PerImage<>();

    @Inject
    public AntManagers(DockerGateway gateway, AntSettings settings) {
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** {@code address} is how Docker finds the container (id or name), {@code displayName} how errors name it. */
    public AntManager forContainer(String address, String displayName) {
        requireNonNull(address, "address is null");
        requireNonNull(displayName, "displayName is null");
        return managers.computeIfAbsent(address, a -> new AntManager(new AntExec(gateway, a, displayName, settings), settings,
                versions));
    }
}
