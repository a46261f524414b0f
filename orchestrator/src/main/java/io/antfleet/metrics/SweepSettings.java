package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits of a metrics sweep: a connect timeout, a per-request timeout (a stalled node costs at most
 * about two of them), the number of nodes read at once, and the threads that parse the answers.
 */
public record SweepSettings(Duration connectTimeout, Duration requestTimeout, int maxInFlight, int threads) {
    public SweepSettings {
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("sweep timeouts must be positive (connect " + connectTimeout
                    + ", request " + requestTimeout + ")");
        }
        if (maxInFlight < 1 || threads < 1) {
            throw new IllegalArgumentException("sweep needs maxInFlight >= 1 and threads >= 1 (got "
                    + maxInFlight + ", " + threads + ")");
        }
    }

    public static SweepSettings defaults() {
        return new SweepSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 64,
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
