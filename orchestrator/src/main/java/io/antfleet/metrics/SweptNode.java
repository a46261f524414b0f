package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeReadings;

/**
 * What a sweep learned about one node: its readings when both endpoints answered 200 with valid
 * OpenMetrics, otherwise the reason it is not running (exactly one of the two is set).
 */
public record SweptNode(SweepTarget target, NodeReadings readings, String failure) {
    public SweptNode {
        requireNonNull(target, "target is null");
        if ((readings == null) == (failure == null)) {
            throw new IllegalArgumentException("a probe of " + target.id() + " has either readings or a failure");
        }
    }

    public static SweptNode running(SweepTarget target, NodeReadings readings) {
        return new SweptNode(target, readings, null);
    }

    public static SweptNode failed(SweepTarget target, String failure) {
        return new SweptNode(target, null, failure);
    }

    /** A node counts as RUNNING only when both of its endpoints answered with valid content. */
    public boolean isRunning() {
        return readings != null;
    }
}
