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
        return local().stream().filter(h -> !h.readAt().isBefore(since)).toList();
    }

    @Override
    public synchronized Optional<HostReading> latestHost() {
        List<HostReading> local = local();
        return local.isEmpty() ? Optional.empty() : Optional.of(local.get(local.size() - 1));
    }

    @Override
    public synchronized List<HostReading> hostsLatest() {
        java.util.Map<String, HostReading> latest = new java.util.TreeMap<>();
        hosts.forEach(h -> latest.put(h.host(), h));
        return List.copyOf(latest.values());
    }

    private List<HostReading> local() {
        return hosts.stream().filter(h -> h.host().equals("local")).toList();
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
