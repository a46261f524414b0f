package io.antfleet.engine.run;

import io.antfleet.fleet.NodeReadings;
import io.antfleet.metrics.SweptNode;
import io.antfleet.metrics.SweepTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Nodes by metrics port: a port with a version answers with it; any other port is silent. Records sweeps. */
final class FakeSweeper implements NodeSweeper {
    private final Map<Integer, String> answering = new HashMap<>();
    final List<List<SweepTarget>> sweeps = new ArrayList<>();

    synchronized FakeSweeper answer(int port, String version) {
        answering.put(port, version);
        return this;
    }

    synchronized FakeSweeper silence(int port) {
        answering.remove(port);
        return this;
    }

    @Override
    public synchronized List<SweptNode> sweep(List<SweepTarget> targets) {
        sweeps.add(List.copyOf(targets));
        List<SweptNode> out = new ArrayList<>();
        for (SweepTarget t : targets) {
            String v = answering.get(t.metricsPort());
            out.add(v == null ? SweptNode.failed(t, "connection refused")
                    : SweptNode.running(t, readings("12D3Koo" + t.metricsPort(), v)));
        }
        return out;
    }

    static NodeReadings readings(String peerId, String version) {
        return new NodeReadings(peerId, version, 60L, 10L, 5L, 2048L, 8L, 3L, "0", 0L, 0L, 0L, 40.5, 1.5, 12L, 30L, 60L,
                1000L);
    }
}
