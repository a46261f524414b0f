package io.antfleet.store;

import static io.antfleet.store.Fixtures.T0;
import static io.antfleet.store.Fixtures.container;
import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.NodeReadings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writing one sweep of 1,000 node readings (node rows + history, batched): at most 200 ms on the
 * embedded database, 500 ms on MariaDB. Run on purpose:
 * {@code mvn -B -Pbenchmark -pl orchestrator -am verify -Dtest=StoreBenchmark}.
 */
@Tag("benchmark")
class StoreBenchmark {
    private static final int NODES = 1000;
    private static final int WARM_UP = 5;
    private static final int RUNS = 11;

    @Test
    void aSweepOfAThousandReadingsOnTheEmbeddedDatabase() throws Exception {
        try (TestStore store = TestStore.embedded(Files.createTempDirectory("antfleet-store-bench"))) {
            assertThat(measure("embedded H2", store)).isLessThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void aSweepOfAThousandReadingsOnMariaDb() {
        try (TestStore store = TestStore.mariaDb("bench")) {
            assertThat(measure("MariaDB", store)).isLessThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    private static Duration measure(String label, TestStore store) {
        List<Long> ids = seed(store);
        for (int i = 0; i < WARM_UP; i++) {
            store.nodes().recordReadings(sweep(ids, i), T0.plusSeconds(i));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> nanos = new ArrayList<>();
        List<Long> cpuNanos = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Map<Long, NodeReadings> sweep = sweep(ids, 100 + i);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            store.nodes().recordReadings(sweep, T0.plusSeconds(100 + i));
            nanos.add(System.nanoTime() - start);
            cpuNanos.add(threads.getCurrentThreadCpuTime() - cpuStart);
        }
        Collections.sort(nanos);
        Collections.sort(cpuNanos);
        Duration median = Duration.ofNanos(nanos.get(RUNS / 2));
        // The caller's CPU time is the whole cost for embedded H2 (it runs in this thread); on a shared,
        // loaded host it shows what the wall time would be without waiting for a core.
        System.out.printf("StoreBenchmark %s: recordReadings of %d nodes: wall median %d ms (min %d, max %d), "
                        + "caller CPU median %d ms; %d runs after %d warm-up; load average %.1f on %d cores%n",
                label, NODES, median.toMillis(), nanos.get(0) / 1_000_000, nanos.get(RUNS - 1) / 1_000_000,
                cpuNanos.get(RUNS / 2) / 1_000_000, RUNS, WARM_UP,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        return median;
    }

    private static List<Long> seed(TestStore store) {
        return store.transactions().inTransaction(session -> {
            long containerId = store.containers().insert(container(unique("bench"))).id();
            List<Long> ids = new ArrayList<>();
            for (int number = 1; number <= NODES; number++) {
                ids.add(store.nodes().insert(Fixtures.node(containerId, number)).id());
            }
            return ids;
        });
    }

    private static Map<Long, NodeReadings> sweep(List<Long> ids, int seed) {
        Map<Long, NodeReadings> sweep = new LinkedHashMap<>();
        for (Long id : ids) {
            sweep.put(id, Fixtures.readings(seed + id));
        }
        return sweep;
    }
}
