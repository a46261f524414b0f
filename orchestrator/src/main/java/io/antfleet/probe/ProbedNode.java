package io.antfleet.probe;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeReadings;
import java.util.List;

/**
 * One node as the probe saw it. {@code readings} carries what the metrics sweep gives an antctl node (peer id,
 * version, uptime, records, memory, CPU); {@code cpuPercent} there is the average over the process's life
 * (cumulative CPU time / uptime), since one look at /proc cannot give an instantaneous share.
 * {@code problems} are the probe's own notes on figures it could not read (those figures are null).
 */
public record ProbedNode(String service, String dataDir, boolean alive, Long pid, Long cpuMillis, Long diskBytes,
        NodeReadings readings, List<String> problems) {
    public ProbedNode {
        requireNonNull(service, "service is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(readings, "readings is null");
        problems = List.copyOf(problems);
        if (alive != (pid != null)) {
            throw new IllegalArgumentException("node " + service + ": a live node has a pid, a dead one none");
        }
    }

    /** Why the node does not count as running, as a sweep failure reads; null when it runs. */
    public String failure() {
        return alive ? null : "no live ant-node process for " + dataDir;
    }
}
