package io.antfleet.notify;

import java.util.Locale;

/** What antfleet tells an operator about; the same events as examples/prometheus/antfleet-alerts.yml. */
public enum EventKind {
    /** A node antfleet expects running stopped answering (UNKNOWN). */
    NODE_DOWN,
    /** A node restarted {@value EventDetector#CRASH_LOOP_RESTARTS} times or more within {@code EventDetector.CRASH_LOOP_WINDOW}. */
    CRASH_LOOPING,
    /** Docker lists an agent container as not running, or no longer at all. */
    CONTAINER_DOWN,
    /** A host resource stayed above the autoscaler's remove threshold for {@code EventDetector.PRESSURE_HELD}. */
    HOST_PRESSURE,
    /** A rolling upgrade was halted by a node that failed to upgrade. */
    UPGRADE_FAILED,
    /** {@value EventDetector#FAILING_CYCLES} run cycles in a row failed as a whole. */
    CYCLE_FAILING,
    /** Another process took the database lease: this run stopped. */
    LEASE_LOST;

    /** The name in the spec's {@code notify.webhooks[].events}: {@code node-down}, {@code crash-looping}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<EventKind> ofKey(String key) {
        for (EventKind k : values()) {
            if (k.key().equals(key)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
