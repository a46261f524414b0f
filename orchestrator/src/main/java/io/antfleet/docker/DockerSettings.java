package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.spec.TlsPaths;
import java.time.Duration;
import java.util.Optional;

/**
 * How antfleet reaches a Docker daemon. The API version is pinned because the daemon on the target
 * hosts (20.10) refuses clients asking for a newer one. With {@code tls}, the daemon's certificate is
 * verified against its CA and the client certificate is presented (a {@code tcp://} engine of another host).
 */
public record DockerSettings(String host, String apiVersion, Duration connectTimeout, Duration responseTimeout,
        int maxConnections, Optional<TlsPaths> tls) {
    public DockerSettings(String host, String apiVersion, Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        this(host, apiVersion, connectTimeout, responseTimeout, maxConnections, Optional.empty());
    }

    public DockerSettings {
        requireNonNull(host, "host is null");
        requireNonNull(tls, "tls is null");
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(responseTimeout, "responseTimeout is null");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
    }

    /** These settings for another engine: {@code endpoint}, with {@code tls} when given. */
    public DockerSettings forEngine(String endpoint, Optional<TlsPaths> engineTls) {
        return new DockerSettings(endpoint, apiVersion, connectTimeout, responseTimeout, maxConnections, engineTls);
    }

    /** unix:///var/run/docker.sock (or DOCKER_HOST), API 1.41, 5 s to connect, 60 s per plain request. */
    public static DockerSettings defaults() {
        String host = System.getenv("DOCKER_HOST");
        return new DockerSettings(host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host, "1.41",
                Duration.ofSeconds(5), Duration.ofSeconds(60), 100);
    }
}
