package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.store.MachineSettings;
import io.antfleet.store.NodeRepository;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the readings history (one row per node per cycle: 1.4 million a day at 1,000 nodes and 60 s) to
 * the machine table's retention, pruning at most once an hour so that a cycle seldom pays for it.
 */
public final class ReadingHistory {
    static final Duration EVERY = Duration.ofHours(1);

    private final NodeRepository nodes;
    private final MachineSettings settings;
    private Instant lastPruned;

    @Inject
    public ReadingHistory(NodeRepository nodes, MachineSettings settings) {
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Deletes the readings older than the retention when the last prune is an hour old; the rows deleted. */
    public synchronized int pruneIfDue(Instant now) {
        if (lastPruned != null && now.isBefore(lastPruned.plus(EVERY))) {
            return 0;
        }
        int pruned = nodes.pruneReadings(now.minus(settings.readingRetention()));
        lastPruned = now;
        return pruned;
    }
}
