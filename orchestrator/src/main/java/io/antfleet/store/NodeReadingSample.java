package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeReadings;
import java.time.Instant;

/** One row of a node's readings history: what one sweep read from it, and when. */
public record NodeReadingSample(long nodeId, Instant readAt, NodeReadings readings) {
    public NodeReadingSample {
        requireNonNull(readAt, "readAt is null");
        readings = readings == null ? NodeReadings.empty() : readings;
    }
}
