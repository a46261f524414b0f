package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a node's {@code /metadata} said (peer id, version), kept per sweep target so that a sweep reads it
 * again only when it can have changed: both change only when the node process restarts (a new binary, a
 * new root dir). A node counts as restarted when its start time ({@code now - ant_node_uptime}) moved
 * later than {@link #RESTART_SLACK} allows; a node that did not answer is forgotten; and an entry older
 * than {@link #MAX_AGE} is read again anyway. A node read within {@link #YOUNG} of its start is read again
 * every time until it is older: a restart soon after such a reading (an upgrade right after a start)
 * would move its start time by less than the slack and go unseen. Thread-safe.
 */
final class MetadataCache {
    /** ant_node_uptime has whole seconds; the two readings' own delays add a little. */
    static final Duration RESTART_SLACK = Duration.ofSeconds(2);
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    /** Past this uptime at the reading, any later restart moves the start time beyond the slack. */
    static final Duration YOUNG = RESTART_SLACK.plusSeconds(1);
    /** Targets come and go over a long run; past this many entries the cache starts again. */
    static final int MAX_ENTRIES = 20_000;

    /** The metadata of one node as read at {@code readAtNanos}, when the node had started at {@code startedAtNanos}. */
    record Metadata(String peerId, String version, long startedAtNanos, long readAtNanos) {
        Metadata {
            requireNonNull(version, "version is null");
        }
    }

    private final Map<SweepTarget, Metadata> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    MetadataCache(LongSupplier nanoClock) {
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
    }

    static MetadataCache systemClock() {
        return new MetadataCache(System::nanoTime);
    }

    long now() {
        return nanoClock.getAsLong();
    }

    /** The cached metadata when the node has not restarted since it was read, else null (read it again). */
    Metadata fresh(SweepTarget target, double uptimeSeconds, long nowNanos) {
        Metadata m = entries.get(target);
        if (m == null || !Double.isFinite(uptimeSeconds) || nowNanos - m.readAtNanos() > MAX_AGE.toNanos()
                || m.readAtNanos() - m.startedAtNanos() <= YOUNG.toNanos()) {
            return null;
        }
        long startedAt = startedAt(uptimeSeconds, nowNanos);
        return startedAt - m.startedAtNanos() > RESTART_SLACK.toNanos() ? null : m;
    }

    /** Keeps what {@code /metadata} said now, with the uptime {@code /metrics} said just before. */
    Metadata remember(SweepTarget target, String peerId, String version, double uptimeSeconds, long nowNanos) {
        Metadata m = new Metadata(peerId, version, startedAt(uptimeSeconds, nowNanos), nowNanos);
        if (!Double.isFinite(uptimeSeconds)) {
            return m;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(target, m);
        return m;
    }

    /** The node did not answer (stopped, restarting, gone): read its metadata again when it answers. */
    void forget(SweepTarget target) {
        entries.remove(target);
    }

    int size() {
        return entries.size();
    }

    private static long startedAt(double uptimeSeconds, long nowNanos) {
        return !Double.isFinite(uptimeSeconds) ? nowNanos : nowNanos - (long) (uptimeSeconds * 1e9);
    }
}
