package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One cycle's resources of one host (percentages 0–100, load averages) and that host's nodes by status at that
 * moment (RUNNING, STOPPED, and every other status together), as {@code antfleet run} saw them.
 */
public record HostReading(Instant readAt, double cpuPercent, double memPercent, double diskPercent, double load1,
        double load5, double load15, int nodesRunning, int nodesStopped, int nodesOther, String host) {
    /** The local host's reading. */
    public HostReading(Instant readAt, double cpuPercent, double memPercent, double diskPercent, double load1,
            double load5, double load15, int nodesRunning, int nodesStopped, int nodesOther) {
        this(readAt, cpuPercent, memPercent, diskPercent, load1, load5, load15, nodesRunning, nodesStopped, nodesOther,
                io.antfleet.fleet.spec.HostSpec.LOCAL);
    }

    public HostReading {
        requireNonNull(readAt, "readAt is null");
        requireNonNull(host, "host is null");
        if (nodesRunning < 0 || nodesStopped < 0 || nodesOther < 0) {
            throw new IllegalArgumentException("node counts must not be negative");
        }
    }
}
