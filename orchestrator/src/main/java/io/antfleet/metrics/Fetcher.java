package io.antfleet.metrics;

import java.time.Duration;

/**
 * Fetches one path of a node's metrics server. Every wait is bounded by the sweep's timeouts;
 * a failure is a {@link FetchFailure} whose message is the reason. Implementations are thread-safe.
 */
interface Fetcher extends AutoCloseable {
    /** The body of a 200 answer as {@code bytes[offset, end)}; the array may be reused by the next call on this thread. */
    record Body(byte[] bytes, int offset, int end) {
    }

    /** GET {@code path}; the whole exchange, connect included, bounded by {@code timeout}. */
    Body get(SweepTarget target, String path, Duration timeout);

    @Override
    void close();

    /** Why a fetch failed, as the reason text a probe reports. */
    final class FetchFailure extends RuntimeException {
        private final boolean timedOut;

        FetchFailure(String reason) {
            this(reason, false);
        }

        /** {@code timedOut}: the node let a timeout pass (as a hanging node does), as opposed to refusing or garbling. */
        FetchFailure(String reason, boolean timedOut) {
            super(reason, null, false, false);
            this.timedOut = timedOut;
        }

        static FetchFailure timeout(String reason) {
            return new FetchFailure(reason, true);
        }

        boolean timedOut() {
            return timedOut;
        }
    }
}
