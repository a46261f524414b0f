package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

final class MyBatisHistoryLog implements HistoryLog {
    /** A week of one-minute cycles; a chart asks for less. */
    private static final int MAX_HOST_ROWS = 10_080;

    private final Transactions transactions;

    @Inject
    MyBatisHistoryLog(Transactions transactions) {
        this.transactions = requireNonNull(transactions, "transactions is null");
    }

    @Override
    public void recordHost(HostReading r) {
        HostReading fitted = new HostReading(r.readAt().truncatedTo(ChronoUnit.MICROS), r.cpuPercent(), r.memPercent(),
                r.diskPercent(), r.load1(), r.load5(), r.load15(), r.nodesRunning(), r.nodesStopped(), r.nodesOther(), r.host());
        transactions.useTransaction(session -> session.mapper(HistoryMapper.class).insertHost(fitted));
    }

    @Override
    public List<HostReading> hostSince(Instant since) {
        return transactions.inTransaction(session -> session.mapper(HistoryMapper.class).hostSince(since, MAX_HOST_ROWS));
    }

    @Override
    public Optional<HostReading> latestHost() {
        return transactions.inTransaction(session -> session.mapper(HistoryMapper.class).latestHost()).stream().findFirst();
    }

    @Override
    public List<HostReading> hostsLatest() {
        return transactions.inTransaction(session -> session.mapper(HistoryMapper.class).hostsLatest());
    }

    @Override
    public List<FleetTotals> totalsSince(Instant since) {
        return transactions.inTransaction(session -> session.mapper(HistoryMapper.class).totalsSince(since));
    }

    @Override
    public java.util.Map<Long, Instant> lastReadAt() {
        return transactions.inTransaction(session -> session.mapper(HistoryMapper.class).lastReadAt()).stream()
                .collect(java.util.stream.Collectors.toMap(NodeReadAt::nodeId, NodeReadAt::readAt));
    }

    @Override
    public int pruneHost(Instant olderThan) {
        return transactions.inTransaction(session -> session.mapper(HistoryMapper.class).deleteHostOlderThan(olderThan));
    }
}
