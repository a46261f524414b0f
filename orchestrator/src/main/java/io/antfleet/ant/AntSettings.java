package io.antfleet.ant;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How antfleet runs {@code ant} inside a container.
 *
 * @param antPath the program inside the container, looked up on PATH when relative
 * @param killWrapper prefix that makes the process die at its bound inside the container
 *     ({@code timeout -s KILL}, followed by the seconds)
 * @param clientGrace how long past the bound antfleet waits for the killed call
 * @param call bound of a call that holds the daemon's lock briefly (status, add, daemon start)
 * @param perNode bound per node of a start or stop: a stop may wait 10 s before SIGKILL (§2.4, §3.2)
 * @param daemonStart how long the daemon may take to answer {@code running:true} after {@code daemon start}
 * @param knownVersions the {@code ant --version} numbers whose dialect this client speaks (§7 #15)
 */
public record AntSettings(String antPath, List<String> killWrapper, Duration clientGrace, Duration call,
        Duration perNode, Duration daemonStart, Set<String> knownVersions) {
    public AntSettings {
        requireNonNull(antPath, "antPath is null");
        killWrapper = List.copyOf(killWrapper);
        requireNonNull(clientGrace, "clientGrace is null");
        requireNonNull(call, "call is null");
        requireNonNull(perNode, "perNode is null");
        requireNonNull(daemonStart, "daemonStart is null");
        knownVersions = Set.copyOf(knownVersions);
        if (antPath.isBlank() || antPath.contains(" ")) {
            throw new IllegalArgumentException("invalid ant path '" + antPath + "'");
        }
    }

    public static AntSettings defaults() {
        return new AntSettings("ant", List.of("timeout", "-s", "KILL"), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(15), Duration.ofSeconds(10), Set.of("0.2.0"));
    }
}
