package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How antfleet reaches the Docker daemon. The API version is pinned because the daemon on the target
 * hosts (20.10) refuses clients asking for a newer one.
 */
public record DockerSettings(String host, String apiVersion, Duration connectTimeout, Duration responseTimeout,
        int maxConnections) {
    public DockerSettings {
        requireNonNull(host, "host is null");
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(responseTimeout, "responseTimeout is null");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
    }

    /** unix:///var/run/docker.sock (or DOCKER_HOST), API 1.41, 5 s to connect, 60 s per plain request. */
    public static DockerSettings defaults() {
        String host = System.getenv("DOCKER_HOST");
        return new DockerSettings(host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host, "1.41",
                Duration.ofSeconds(5), Duration.ofSeconds(60), 100);
    }
}
