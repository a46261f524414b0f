package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits of a metrics sweep: a connect timeout, a per-request timeout that bounds the whole exchange, connect
 * included (a node that accepts and never answers costs one of them: its {@code /metadata} is not asked), the
 * number of nodes read at once, and the threads that parse the answers.
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

    /**
     * 0.5 s to connect and 0.75 s for a request: an antnode's metrics server is on the node's own host
     * (127.0.0.1, antctl-contract.md section 6) and answers in milliseconds (the bench's 1,000 stand-in nodes,
     * 47 KB each, in about 0.1 s for all of them at 64 at once), so a node silent for 0.75 s is hanging, and a
     * sweep with hanging nodes still ends within about a second (the bench's {@code sweep-faulty}). wnm waited
     * 5 s per request, one node after another (wnm-reference.md, defect 2).
     */
    public static SweepSettings defaults() {
        return new SweepSettings(Duration.ofMillis(500), Duration.ofMillis(750), 64,
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
