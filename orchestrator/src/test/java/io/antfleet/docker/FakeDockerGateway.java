package io.antfleet.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-memory Docker: containers with labels, and execs answered by a handler per container (a
 * scripted result, or a fake antctl). Records every exec. A container can be killed (not running, execs
 * into it refused) and the whole daemon made unreachable (every call fails as with a closed socket).
 */
public final class FakeDockerGateway implements DockerGateway {
    public record ExecCall(String container, List<String> command, String user, Duration timeout) {
    }

    private final Map<String, ContainerInfo> containers = new LinkedHashMap<>();
    private final Map<String, Function<ExecCall, ExecResult>> handlers = new LinkedHashMap<>();
    private final List<ExecCall> execs = new ArrayList<>();
    private final List<String> lookups = new ArrayList<>();
    private String unreachable;

    public synchronized FakeDockerGateway withContainer(String id, String name, Map<String, String> labels) {
        return withContainer(id, name, labels, null);
    }

    /** A container whose image id ({@code sha256:...}) Docker reports. */
    public synchronized FakeDockerGateway withContainer(String id, String name, Map<String, String> labels,
            String imageId) {
        containers.put(id, new ContainerInfo(id, name, "antfleet/agent:stand-in", true, "host", labels, imageId));
        return this;
    }

    /** Execs into the container (by id or name) are answered by {@code handler}. */
    public synchronized FakeDockerGateway onExec(String idOrName, Function<ExecCall, ExecResult> handler) {
        handlers.put(idOrName, handler);
        return this;
    }

    /** The container stops running, as after {@code docker kill}. */
    public synchronized FakeDockerGateway kill(String idOrName) {
        ContainerInfo c = find(idOrName).orElseThrow(() -> new IllegalArgumentException("no container " + idOrName));
        containers.put(c.id(), new ContainerInfo(c.id(), c.name(), c.image(), false, c.networkMode(), c.labels()));
        return this;
    }

    /** Every call fails with {@code why} until called again with null. */
    public synchronized FakeDockerGateway unreachable(String why) {
        unreachable = why;
        return this;
    }

    private void reach() {
        if (unreachable != null) {
            throw new EngineUnreachableException(unreachable, new java.io.IOException(unreachable));
        }
    }

    public synchronized List<ExecCall> execs() {
        return List.copyOf(execs);
    }

    /** Every request that looked containers up by name or id, in order: {@code list [a, b]}, {@code inspect c}. */
    public synchronized List<String> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public synchronized String createAndStart(ContainerSpec spec) {
        reach();
        String id = "fake" + (containers.size() + 1);
        containers.put(id, new ContainerInfo(id, spec.name(), spec.image(), true, spec.networkMode(), spec.labels()));
        return id;
    }

    @Override
    public synchronized void start(String container) {
        reach();
        ContainerInfo c = find(container).orElseThrow(() -> new DockerOperationException("no container " + container));
        containers.put(c.id(), new ContainerInfo(c.id(), c.name(), c.image(), true, c.networkMode(), c.labels()));
    }

    @Override
    public synchronized void stop(String container, Duration timeout) {
        reach();
        find(container).orElseThrow(() -> new DockerOperationException("no container " + container));
    }

    @Override
    public synchronized void remove(String container, boolean removeVolumes) {
        reach();
        find(container).ifPresent(c -> containers.remove(c.id()));
    }

    @Override
    public synchronized List<ContainerInfo> listByLabels(Map<String, String> labels) {
        reach();
        return containers.values().stream().filter(c -> labels.entrySet().stream().allMatch(l ->
                c.labels().containsKey(l.getKey())
                        && (l.getValue() == null || l.getValue().equals(c.labels().get(l.getKey()))))).toList();
    }

    /** As Docker's name filter followed by the exact match: names only, never ids. */
    @Override
    public synchronized List<ContainerInfo> listByNames(Collection<String> names) {
        reach();
        lookups.add("list " + List.copyOf(names));
        return containers.values().stream().filter(c -> names.contains(c.name())).toList();
    }

    @Override
    public synchronized Optional<ContainerInfo> inspect(String container) {
        reach();
        lookups.add("inspect " + container);
        return find(container);
    }

    @Override
    public ExecResult exec(String container, List<String> command, String user, Map<String, String> env, String stdin,
            Duration timeout) {
        ExecCall call = new ExecCall(container, List.copyOf(command), user, timeout);
        Function<ExecCall, ExecResult> handler;
        synchronized (this) {
            reach();
            if (find(container).filter(c -> !c.running()).isPresent()) {
                throw new DockerOperationException("container " + container + " is not running (cannot run " + command + ")");
            }
            execs.add(call);
            handler = handlers.get(container);
            if (handler == null) {
                // scripted by id, or by name before the container existed (apply creates it; ids follow creation order)
                handler = find(container).map(c -> handlers.getOrDefault(c.id(), handlers.get(c.name()))).orElse(null);
            }
        }
        if (handler == null) {
            throw new DockerOperationException("container " + container + " not found (cannot run " + command + ")");
        }
        return handler.apply(call);
    }

    private Optional<ContainerInfo> find(String idOrName) {
        ContainerInfo byId = containers.get(idOrName);
        if (byId != null) {
            return Optional.of(byId);
        }
        return containers.values().stream().filter(c -> c.name().equals(idOrName)).findFirst();
    }
}
