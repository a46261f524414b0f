package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

/**
 * One node to read: {@code id} is the caller's key (e.g. {@code container/antnode3}); the metrics server
 * listens on {@code host:metricsPort} (127.0.0.1 for agent containers on host networking).
 */
public record SweepTarget(String id, String host, int metricsPort) {
    public SweepTarget {
        requireNonNull(id, "id is null");
        requireNonNull(host, "host is null");
        if (metricsPort < 1 || metricsPort > 65535) {
            throw new IllegalArgumentException("invalid metrics port " + metricsPort + " for node " + id);
        }
    }

    public static SweepTarget local(String id, int metricsPort) {
        return new SweepTarget(id, "127.0.0.1", metricsPort);
    }
}
