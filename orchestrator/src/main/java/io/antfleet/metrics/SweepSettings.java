package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits of a metrics sweep: a connect timeout, a per-request timeout that bounds the whole exchange, connect
 * included (a node that accepts and never answers costs one of them: its {@code /metadata} is not asked), the
 * number of nodes read at once, the threads that parse the answers, and the shorter timeout a node gets while
 * it is known to hang ({@link HangingNodes}).
 */
public record SweepSettings(Duration connectTimeout, Duration requestTimeout, int maxInFlight, int threads,
        Duration hangingTimeout) {
    /** The longest {@link #hangingTimeout()} the 4-argument constructor gives. */
    static final Duration HANGING_TIMEOUT = Duration.ofMillis(500);

    public SweepSettings {
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(hangingTimeout, "hangingTimeout is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()
                || hangingTimeout.isNegative() || hangingTimeout.isZero()) {
            throw new IllegalArgumentException("sweep timeouts must be positive (connect " + connectTimeout
                    + ", request " + requestTimeout + ", hanging " + hangingTimeout + ")");
        }
        if (hangingTimeout.compareTo(requestTimeout) > 0) {
            throw new IllegalArgumentException("the timeout of a hanging node (" + hangingTimeout
                    + ") must not exceed the request timeout (" + requestTimeout + ")");
        }
        if (maxInFlight < 1 || threads < 1) {
            throw new IllegalArgumentException("sweep needs maxInFlight >= 1 and threads >= 1 (got "
                    + maxInFlight + ", " + threads + ")");
        }
    }

    /** A hanging node gets {@link #HANGING_TIMEOUT}, or the request timeout when that is shorter. */
    public SweepSettings(Duration connectTimeout, Duration requestTimeout, int maxInFlight, int threads) {
        this(connectTimeout, requestTimeout, maxInFlight, threads,
                requestTimeout.compareTo(HANGING_TIMEOUT) < 0 ? requestTimeout : HANGING_TIMEOUT);
    }

    /**
     * 1 s to connect, 2 s for a request, 64 nodes at once, and 0.5 s for a node whose last probe timed out. An
     * antnode's metrics server is on the node's own host (127.0.0.1, antctl-contract.md section 6) and answers
     * in milliseconds; the 2 s are for a host so loaded that a healthy node is slow to be scheduled (the soak,
     * docs/faults.md: 5 of 1,000 past 2 s once at load 57). A node that let 2 s pass is hanging: it costs 0.5 s
     * from then on, started first, so a sweep with hanging nodes ends within about a second (the bench's
     * {@code sweep-faulty}). wnm waited 5 s per request, one node after another (wnm-reference.md, defect 2).
     */
    public static SweepSettings defaults() {
        return new SweepSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 64,
                Math.max(2, Runtime.getRuntime().availableProcessors()), HANGING_TIMEOUT);
    }
}
