package io.antfleet.docker;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The narrow port through which antfleet talks to Docker. docker-java lives only behind it.
 * Implementations are thread safe.
 */
public interface DockerGateway {
    /** Creates and starts a container; returns its Docker id. */
    String createAndStart(ContainerSpec spec);

    void start(String containerIdOrName);

    void stop(String containerIdOrName, Duration timeout);

    /** Removes the container (forced) and, when asked, its volumes: anonymous and named ones it mounts. */
    void remove(String containerIdOrName, boolean removeVolumes);

    /** Containers (running or not) carrying every given label; a null label value matches any value. */
    List<ContainerInfo> listByLabels(Map<String, String> labels);

    Optional<ContainerInfo> inspect(String containerIdOrName);

    /**
     * The containers (running or not) named exactly one of {@code names}: one request to the engine, where
     * an inspect each would be one per name. An implementation that cannot list by name inspects each.
     */
    default List<ContainerInfo> listByNames(Collection<String> names) {
        return names.stream().distinct().map(this::inspect).flatMap(Optional::stream)
                .filter(i -> names.contains(i.name())).toList();
    }

    /**
     * Runs {@code command} (an argument list, never a shell string) in the container as {@code user}
     * (null for the image's default), with {@code env} added, and stdin closed unless {@code stdin} is given.
     * Past {@code timeout} the exec is abandoned and {@link DockerOperationException} raised.
     */
    ExecResult exec(String containerIdOrName, List<String> command, String user, Map<String, String> env,
            String stdin, Duration timeout);
}
