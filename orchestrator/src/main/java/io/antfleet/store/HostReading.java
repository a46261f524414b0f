package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One cycle's host resources (percentages 0–100, load averages) and the fleet's nodes by status at that
 * moment (RUNNING, STOPPED, and every other status together), as {@code antfleet run} saw them.
 */
public record HostReading(Instant readAt, double cpuPercent, double memPercent, double diskPercent, double load1,
        double load5, double load15, int nodesRunning, int nodesStopped, int nodesOther) {
    public HostReading {
        requireNonNull(readAt, "readAt is null");
        if (nodesRunning < 0 || nodesStopped < 0 || nodesOther < 0) {
            throw new IllegalArgumentException("node counts must not be negative");
        }
    }
}
