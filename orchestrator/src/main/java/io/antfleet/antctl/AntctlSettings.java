package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How antfleet runs antctl.
 *
 * @param antctlPath the program inside the container (or on the host), looked up on PATH when relative
 * @param containerUser the image's non-root user for {@code antctl+user}
 * @param killWrapper prefix that makes the process die at its bound inside the container
 *     ({@code timeout -s KILL}, followed by the seconds); empty to run antctl directly
 * @param clientGrace how long past the bound antfleet waits for the killed call before giving up on it
 * @param startInterval default {@code --interval} for starts (null: antctl waits for peers per node)
 * @param connectionTimeout default {@code --connection-timeout} for starts without interval (null: antctl's)
 */
public record AntctlSettings(String antctlPath, String containerUser, List<String> killWrapper, Duration clientGrace,
        UnknownVersionPolicy unknownVersion, AntctlTimeouts timeouts, Duration startInterval,
        Duration connectionTimeout) {
    public AntctlSettings {
        requireNonNull(antctlPath, "antctlPath is null");
        requireNonNull(containerUser, "containerUser is null");
        killWrapper = List.copyOf(killWrapper);
        requireNonNull(clientGrace, "clientGrace is null");
        requireNonNull(unknownVersion, "unknownVersion is null");
        requireNonNull(timeouts, "timeouts is null");
        if (antctlPath.isBlank() || antctlPath.contains(" ")) {
            throw new IllegalArgumentException("invalid antctl path '" + antctlPath + "'");
        }
    }

    public static AntctlSettings defaults() {
        return new AntctlSettings("antctl", "ant", List.of("timeout", "-s", "KILL"), Duration.ofSeconds(5),
                UnknownVersionPolicy.WARN, AntctlTimeouts.defaults(), null, null);
    }

    public AntctlSettings withUnknownVersion(UnknownVersionPolicy policy) {
        return new AntctlSettings(antctlPath, containerUser, killWrapper, clientGrace, policy, timeouts, startInterval,
                connectionTimeout);
    }

    public AntctlSettings withStart(Duration interval, Duration connection) {
        return new AntctlSettings(antctlPath, containerUser, killWrapper, clientGrace, unknownVersion, timeouts,
                interval, connection);
    }
}
