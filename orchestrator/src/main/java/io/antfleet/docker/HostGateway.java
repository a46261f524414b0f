package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Another host's engine as a {@link DockerGateway}: the containers it reports carry the host's name, and an engine
 * that does not answer is an {@link EngineUnreachableException} naming the host and its endpoint.
 */
final class HostGateway implements DockerGateway {
    private final String host;
    private final String endpoint;
    private final DockerGateway engine;

    HostGateway(String host, String endpoint, DockerGateway engine) {
        this.host = requireNonNull(host, "host is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.engine = requireNonNull(engine, "engine is null");
    }

    @Override
    public String createAndStart(ContainerSpec spec) {
        return named(() -> engine.createAndStart(spec));
    }

    @Override
    public void start(String container) {
        named(() -> {
            engine.start(container);
            return null;
        });
    }

    @Override
    public void stop(String container, Duration timeout) {
        named(() -> {
            engine.stop(container, timeout);
            return null;
        });
    }

    @Override
    public void remove(String container, boolean removeVolumes) {
        named(() -> {
            engine.remove(container, removeVolumes);
            return null;
        });
    }

    @Override
    public List<ContainerInfo> listByLabels(Map<String, String> labels) {
        return named(() -> engine.listByLabels(labels)).stream().map(i -> i.onHost(host)).collect(Collectors.toList());
    }

    @Override
    public List<ContainerInfo> listByNames(Collection<String> names) {
        return named(() -> engine.listByNames(names)).stream().map(i -> i.onHost(host)).collect(Collectors.toList());
    }

    @Override
    public Optional<ContainerInfo> inspect(String container) {
        return named(() -> engine.inspect(container)).map(i -> i.onHost(host));
    }

    @Override
    public ExecResult exec(String container, List<String> command, String user, Map<String, String> env, String stdin,
            Duration timeout) {
        return named(() -> engine.exec(container, command, user, env, stdin, timeout));
    }

    private <T> T named(Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineUnreachableException e) {
            throw new EngineUnreachableException(named(host, endpoint) + e.getMessage(), e);
        }
    }

    /** How every message about an engine that does not answer (or refuses this client) begins. */
    static String named(String host, String endpoint) {
        return "host " + host + " (Docker at " + endpoint + "): ";
    }
}
