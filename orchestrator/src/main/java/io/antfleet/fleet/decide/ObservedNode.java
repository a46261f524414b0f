package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.time.Instant;

/**
 * A node as the engine sees it. {@code version} is the antnode version last read (null if unknown);
 * {@code createdAt} orders nodes by age (null for an import without it: the service number decides);
 * {@code statusChangedAt} tells how long a node has been in its status.
 */
public record ObservedNode(
        ServiceName service,
        NodeStatus status,
        String version,
        NodeReadings readings,
        Instant createdAt,
        Instant statusChangedAt) {

    public ObservedNode {
        requireNonNull(service, "service is null");
        requireNonNull(status, "status is null");
        readings = readings == null ? NodeReadings.empty() : readings;
    }

    /** Running or registered-running-but-unreadable: doing (or meant to do) work. */
    public boolean isLive() {
        return status == NodeStatus.RUNNING || status == NodeStatus.UNKNOWN || status.isTransitional();
    }

    /** Counted against caps: every registered service that antctl has not removed. */
    public boolean isRegistered() {
        return status != NodeStatus.DEAD;
    }
}
