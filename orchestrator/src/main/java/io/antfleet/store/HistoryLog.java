package io.antfleet.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The history the dashboard charts: one reading per host per run cycle (table host_reading) and the node
 * readings summed per sweep. Thread safe.
 */
public interface HistoryLog {
    void recordHost(HostReading reading);

    /** The local host's readings from {@code since} on, oldest first. */
    List<HostReading> hostSince(Instant since);

    /** The local host's newest reading, empty before the first cycle. */
    Optional<HostReading> latestHost();

    /** Every host's newest reading, by host name. */
    List<HostReading> hostsLatest();

    /** The node readings summed per sweep from {@code since} on, oldest first. */
    List<FleetTotals> totalsSince(Instant since);

    /** When each node was last read, by node id (nodes never read are left out). */
    java.util.Map<Long, Instant> lastReadAt();

    /** Deletes host readings older than {@code olderThan}; returns the rows deleted. */
    int pruneHost(Instant olderThan);
}
