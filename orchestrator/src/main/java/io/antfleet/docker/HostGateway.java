package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

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
final class HostGateway extends ForwardingDockerGateway {
    private final String host;
    private final String endpoint;

    HostGateway(String host, String endpoint, DockerGateway engine) {
        super(engine);
        this.host = requireNonNull(host, "host is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
    }

    @Override
    public List<ContainerInfo> listByLabels(Map<String, String> labels) {
        return super.listByLabels(labels).stream().map(i -> i.onHost(host)).collect(Collectors.toList());
    }

    @Override
    public List<ContainerInfo> listByNames(Collection<String> names) {
        return super.listByNames(names).stream().map(i -> i.onHost(host)).collect(Collectors.toList());
    }

    @Override
    public Optional<ContainerInfo> inspect(String container) {
        return super.inspect(container).map(i -> i.onHost(host));
    }

    @Override
    protected <T> T forward(Supplier<T> call) {
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
