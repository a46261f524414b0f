package io.antfleet.engine;

import io.antfleet.store.DecisionLog;
import io.antfleet.store.DecisionRecord;
import java.util.ArrayList;
import java.util.List;

/** The decision log in memory. */
public final class MemoryDecisionLog implements DecisionLog {
    private final List<DecisionRecord> rows = new ArrayList<>();

    @Override
    public synchronized void record(List<DecisionRecord> decisions) {
        rows.addAll(decisions);
    }

    @Override
    public synchronized List<DecisionRecord> recent(int limit) {
        List<DecisionRecord> out = new ArrayList<>(rows);
        java.util.Collections.reverse(out);
        return out.subList(0, Math.min(limit, out.size()));
    }

    @Override
    public synchronized List<DecisionRecord> recentOf(String action, long containerId, int limit) {
        return recent(Integer.MAX_VALUE).stream()
                .filter(d -> d.action().equals(action) && Long.valueOf(containerId).equals(d.containerId()))
                .limit(limit).toList();
    }
}
