package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One sweep of the readings history summed over the fleet: how many nodes answered, their records,
 * connected peers and rewards (exact, summed by the database). A sum over no readings is zero.
 */
public record FleetTotals(Instant readAt, long nodes, long records, long connectedPeers, BigDecimal rewards) {
    public FleetTotals {
        requireNonNull(readAt, "readAt is null");
        rewards = rewards == null ? BigDecimal.ZERO : rewards;
    }
}
