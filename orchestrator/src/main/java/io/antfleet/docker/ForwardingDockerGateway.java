package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link DockerGateway} that passes every call to another one, so that a decorator (one that counts or records
 * execs, or names the host of an engine) overrides only what it adds to. Every call goes through
 * {@link #forward(Supplier)}, the one hook for what applies to all of them. Thread safe when the delegate and the
 * subclass are.
 */
public abstract class ForwardingDockerGateway implements DockerGateway {
    private final DockerGateway delegate;

    protected ForwardingDockerGateway(DockerGateway delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** Runs one call to the delegate; by default just runs it. */
    protected <T> T forward(Supplier<T> call) {
        return call.get();
    }

    @Override
    public String createAndStart(ContainerSpec spec) {
        return forward(() -> delegate.createAndStart(spec));
    }

    @Override
    public void start(String containerIdOrName) {
        forward(() -> {
            delegate.start(containerIdOrName);
            return null;
        });
    }

    @Override
    public void stop(String containerIdOrName, Duration timeout) {
        forward(() -> {
            delegate.stop(containerIdOrName, timeout);
            return null;
        });
    }

    @Override
    public void remove(String containerIdOrName, boolean removeVolumes) {
        forward(() -> {
            delegate.remove(containerIdOrName, removeVolumes);
            return null;
        });
    }

    @Override
    public List<ContainerInfo> listByLabels(Map<String, String> labels) {
        return forward(() -> delegate.listByLabels(labels));
    }

    @Override
    public List<ContainerInfo> listByNames(Collection<String> names) {
        return forward(() -> delegate.listByNames(names));
    }

    @Override
    public Optional<ContainerInfo> inspect(String containerIdOrName) {
        return forward(() -> delegate.inspect(containerIdOrName));
    }

    @Override
    public ExecResult exec(String containerIdOrName, List<String> command, String user, Map<String, String> env,
            String stdin, Duration timeout) {
        return forward(() -> delegate.exec(containerIdOrName, command, user, env, stdin, timeout));
    }
}
