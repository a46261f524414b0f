package io.antfleet.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real gateway with a log of every exec, so a test can prove that nothing ran in a container. */
public final class RecordingGateway extends ForwardingDockerGateway {
    private final List<List<String>> execs = new ArrayList<>();
    private final List<String> execContainers = new ArrayList<>();

    public RecordingGateway(DockerGateway delegate) {
        super(delegate);
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
    public ExecResult exec(String container, List<String> command, String user, Map<String, String> env, String stdin,
            Duration timeout) {
        synchronized (this) {
            execs.add(List.copyOf(command));
            execContainers.add(container);
        }
        return super.exec(container, command, user, env, stdin, timeout);
    }
}
