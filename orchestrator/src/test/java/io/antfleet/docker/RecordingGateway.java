package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real gateway with a log of every exec, so a test can prove that nothing ran in a container. */
public final class RecordingGateway implements DockerGateway {
    private final DockerGateway delegate;
    private final List<List<String>> execs = new ArrayList<>();
    private final List<String> execContainers = new ArrayList<>();

    public RecordingGateway(DockerGateway delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    public synchronized List<List<String>> execs() {
        return List.copyOf(execs);
    }

    /** The container of each exec, in the order of {@link #execs()}. */
    public synchronized List<String> execContainers() {
        return List.copyOf(execContainers);
    }

    public synchronized void clear() {
        execContainers.clear();
        execs.clear();
    }

    @Override
    public String createAndStart(ContainerSpec spec) {
        return delegate.createAndStart(spec);
    }

    @Override
    public void start(String containerIdOrName) {
        delegate.start(containerIdOrName);
    }

    @Override
    public void stop(String containerIdOrName, Duration timeout) {
        delegate.stop(containerIdOrName, timeout);
    }

    @Override
    public void remove(String containerIdOrName, boolean removeVolumes) {
        delegate.remove(containerIdOrName, removeVolumes);
    }

    @Override
    public List<ContainerInfo> listByLabels(Map<String, String> labels) {
        return delegate.listByLabels(labels);
    }

    @Override
    public List<ContainerInfo> listByNames(Collection<String> names) {
        return delegate.listByNames(names);
    }

    @Override
    public Optional<ContainerInfo> inspect(String containerIdOrName) {
        return delegate.inspect(containerIdOrName);
    }

    @Override
    public ExecResult exec(String container, List<String> command, String user, Map<String, String> env, String stdin,
            Duration timeout) {
        synchronized (this) {
            execs.add(List.copyOf(command));
            execContainers.add(container);
        }
        return delegate.exec(container, command, user, env, stdin, timeout);
    }
}
