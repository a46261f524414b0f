package io.antfleet.store;

import static io.antfleet.store.Fixtures.T0;
import static io.antfleet.store.Fixtures.container;
import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads writing the same nodes and their readings never duplicate rows, lose history or tear a row. */
abstract class ConcurrencyContract {
    static final int NODES = 10;
    static final int ROUNDS = 15;

    protected abstract TestStore store();

    @Test
    void threadsUpsertingAndRecordingTheSameNodesNeitherDuplicateNorTear() throws Exception {
        long containerId = store().containers().insert(container(unique("contended"))).id();
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    SweepWriter.write(store().nodes(), containerId, writer, NODES, ROUNDS);
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertConsistent(store().nodes(), containerId, threads * ROUNDS);
    }

    /** Exactly NODES rows, every sweep's history row present, and each row's readings from one sweep. */
    static void assertConsistent(NodeRepository nodes, long containerId, int sweeps) {
        List<Node> rows = nodes.findByContainer(containerId);
        assertThat(rows).extracting(Node::number).containsExactlyElementsOf(SweepWriter.numbers(NODES));
        for (Node node : rows) {
            assertThat(nodes.readingsSince(node.id(), T0.minusSeconds(1))).hasSize(sweeps);
            NodeReadings latest = node.readings();
            long seed = Long.parseLong(latest.version().substring("0.4.".length()));
            assertThat(latest).isEqualTo(Fixtures.readings(seed));
        }
    }
}
