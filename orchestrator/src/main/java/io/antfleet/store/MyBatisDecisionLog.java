package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;

final class MyBatisDecisionLog implements DecisionLog {
    private static final int TEXT = 2000;

    private final Transactions transactions;

    @Inject
    MyBatisDecisionLog(Transactions transactions) {
        this.transactions = requireNonNull(transactions, "transactions is null");
    }

    @Override
    public void record(List<DecisionRecord> decisions) {
        List<DecisionRecord> fitted = decisions.stream().map(MyBatisDecisionLog::fit).toList();
        transactions.useTransaction(session -> {
            DecisionMapper mapper = session.mapper(DecisionMapper.class);
            fitted.forEach(mapper::insert);
        });
    }

    @Override
    public List<DecisionRecord> recent(int limit) {
        return transactions.inTransaction(session -> session.mapper(DecisionMapper.class).findRecent(limit));
    }

    @Override
    public List<DecisionRecord> recentOf(String action, long containerId, int limit) {
        return transactions.inTransaction(session -> session.mapper(DecisionMapper.class).findRecentOf(action, containerId, limit));
    }

    /** Column widths: reason and error are cut, the service list keeps as many names as fit. */
    private static DecisionRecord fit(DecisionRecord d) {
        List<String> services = d.services();
        while (ServiceListTypeHandler.encode(services).length() > TEXT) {
            services = services.subList(0, services.size() - 1);
        }
        return new DecisionRecord(d.id(), d.decidedAt().truncatedTo(ChronoUnit.MICROS), d.action(), d.container(),
                d.containerId(), services, d.count(), cut(d.reason()), d.outcome(), d.error() == null ? null : cut(d.error()));
    }

    private static String cut(String s) {
        return s.length() <= TEXT ? s : s.substring(0, TEXT - 3) + "...";
    }
}
