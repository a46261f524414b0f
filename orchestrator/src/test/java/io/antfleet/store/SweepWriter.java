package io.antfleet.store;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What an orchestrator does every cycle: upsert its nodes, then record a sweep of their readings. */
final class SweepWriter {
    private SweepWriter() {
    }

    static List<Integer> numbers(int nodes) {
        return IntStream.rangeClosed(1, nodes).boxed().collect(Collectors.toList());
    }

    /** Writer {@code writer}'s sweeps carry seeds writer*1000+round, so a torn row would show. */
    static void write(NodeRepository nodes, long containerId, int writer, int nodeCount, int rounds) {
        for (int round = 0; round < rounds; round++) {
            Map<Long, NodeReadings> sweep = new HashMap<>();
            long seed = writer * 1000L + round;
            for (int number : numbers(nodeCount)) {
                Node stored = nodes.upsert(Fixtures.node(containerId, number));
                sweep.put(stored.id(), Fixtures.readings(seed));
            }
            // Distinct instants per writer and round: history rows are told apart by time too.
            nodes.recordReadings(sweep, Fixtures.T0.plusMillis(writer * 100_000L + round));
        }
    }
}
