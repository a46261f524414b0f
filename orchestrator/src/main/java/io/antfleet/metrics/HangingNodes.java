package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sweep's memory of hanging nodes: those whose last probe timed out (they accept and never answer, as a
 * wedged antnode does). Such a node is probed first in the next sweep, so its wait overlaps the other nodes'
 * reads, and with the short {@link SweepSettings#hangingTimeout()}, so it no longer holds the sweep for a full
 * request timeout, except once every {@link #FULL_RECHECK}: then it has the full one again, so a node that only
 * became slow is not mistaken for hanging for ever. A node that answers, or fails any other way (refused,
 * garbled), is forgotten. Thread-safe.
 */
final class HangingNodes {
    static final Duration FULL_RECHECK = Duration.ofMinutes(5);
    /** Targets come and go over a long run; past this many entries the memory starts again. */
    static final int MAX_ENTRIES = 20_000;

    /** Per hanging node's id: when it last timed out with the full request timeout (nanos of the clock). */
    private final Map<String, Long> fullTimeoutAt = new ConcurrentHashMap<>();
    private final SweepSettings settings;
    private final LongSupplier nanoClock;

    HangingNodes(SweepSettings settings, LongSupplier nanoClock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
    }

    boolean isEmpty() {
        return fullTimeoutAt.isEmpty();
    }

    boolean hangs(SweepTarget target) {
        return fullTimeoutAt.containsKey(target.id());
    }

    /** The request timeout for the next probe of {@code target}. */
    Duration timeout(SweepTarget target) {
        Long at = fullTimeoutAt.get(target.id());
        return at != null && nanoClock.getAsLong() - at < FULL_RECHECK.toNanos()
                ? settings.hangingTimeout() : settings.requestTimeout();
    }

    /** The probe of {@code target}, given {@code timeout}, timed out. */
    void timedOut(SweepTarget target, Duration timeout) {
        if (timeout.equals(settings.requestTimeout()) || !fullTimeoutAt.containsKey(target.id())) {
            if (fullTimeoutAt.size() >= MAX_ENTRIES) {
                fullTimeoutAt.clear();
            }
            fullTimeoutAt.put(target.id(), nanoClock.getAsLong());
        }
    }

    /** The node answered, or failed in a way that is no hang: it is no longer treated as hanging. */
    void forget(SweepTarget target) {
        if (!fullTimeoutAt.isEmpty()) {
            fullTimeoutAt.remove(target.id());
        }
    }
}
