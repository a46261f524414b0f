package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.store.HistoryLog;
import io.antfleet.store.HostReading;
import io.antfleet.store.MachineSettings;
import io.antfleet.store.NodeRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Keeps the readings history (one row per node per cycle: 1.4 million a day at 1,000 nodes and 60 s) to
 * the machine table's retention, pruning at most once an hour so that a cycle seldom pays for it; and
 * the host's history (one row per cycle, charted by {@code antfleet serve}) to the same retention.
 */
public final class ReadingHistory {
    static final Duration EVERY = Duration.ofHours(1);

    private final NodeRepository nodes;
    private final MachineSettings settings;
    private final HistoryLog history;
    private Instant lastPruned;

    @Inject
    public ReadingHistory(NodeRepository nodes, MachineSettings settings, HistoryLog history) {
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.history = requireNonNull(history, "history is null");
    }

    /** Records the cycle's local host sample with the fleet's nodes by status (summed over containers). */
    public void recordHost(Instant at, HostSample sample, Map<String, Map<NodeStatus, Integer>> nodesByContainer) {
        recordHost(at, io.antfleet.fleet.spec.HostSpec.LOCAL, sample, nodesByContainer);
    }

    /** Records one host's sample with its containers' nodes by status (summed over them). */
    public void recordHost(Instant at, String host, HostSample sample, Map<String, Map<NodeStatus, Integer>> nodesByContainer) {
        int running = 0;
        int stopped = 0;
        int other = 0;
        for (Map<NodeStatus, Integer> counts : nodesByContainer.values()) {
            for (Map.Entry<NodeStatus, Integer> e : counts.entrySet()) {
                if (e.getKey() == NodeStatus.RUNNING) {
                    running += e.getValue();
                } else if (e.getKey() == NodeStatus.STOPPED) {
                    stopped += e.getValue();
                } else {
                    other += e.getValue();
                }
            }
        }
        history.recordHost(new HostReading(at, sample.cpuPercent(), sample.memPercent(), sample.diskPercent(),
                sample.load1(), sample.load5(), sample.load15(), running, stopped, other, host));
    }

    /** Deletes the readings older than the retention when the last prune is an hour old; the rows deleted. */
    public synchronized int pruneIfDue(Instant now) {
        if (lastPruned != null && now.isBefore(lastPruned.plus(EVERY))) {
            return 0;
        }
        Instant before = now.minus(settings.readingRetention());
        int pruned = nodes.pruneReadings(before) + history.pruneHost(before);
        lastPruned = now;
        return pruned;
    }
}
