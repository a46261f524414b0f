package io.antfleet.engine.run;

import io.antfleet.store.FleetTotals;
import io.antfleet.store.HistoryLog;
import io.antfleet.store.HostReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The host history in memory (node totals are the node repository's business and are not kept here). */
final class MemoryHistoryLog implements HistoryLog {
    final List<HostReading> hosts = new ArrayList<>();

    @Override
    public synchronized void recordHost(HostReading reading) {
        hosts.add(reading);
    }

    @Override
    public synchronized List<HostReading> hostSince(Instant since) {
        return hosts.stream().filter(h -> !h.readAt().isBefore(since)).toList();
    }

    @Override
    public synchronized Optional<HostReading> latestHost() {
        return hosts.isEmpty() ? Optional.empty() : Optional.of(hosts.get(hosts.size() - 1));
    }

    @Override
    public List<FleetTotals> totalsSince(Instant since) {
        throw new UnsupportedOperationException("node totals come from the node readings table");
    }

    @Override
    public java.util.Map<Long, Instant> lastReadAt() {
        throw new UnsupportedOperationException("node read times come from the node readings table");
    }

    @Override
    public synchronized int pruneHost(Instant olderThan) {
        int before = hosts.size();
        hosts.removeIf(h -> h.readAt().isBefore(olderThan));
        return before - hosts.size();
    }
}
