package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A full metrics sweep of 1,000 nodes (target: at most 0.5 s on the 2-core build machine), and the same
 * nodes read one after another as wnm does, for the ratio. Ports 45000-45999.
 * Run: mvn -B -Pbenchmark -pl orchestrator -am verify -Dtest=SweepBenchmark
 */
@Tag("benchmark")
class SweepBenchmark {
    private static final int NODES = 1_000;
    private static final int FIRST_PORT = 45_000;
    private static final int LAST_PORT = 46_999;
    private static final int ROUNDS = 7;

    @Test
    void aThousandNodesAreSweptConcurrentlyAndOneByOne() throws Exception {
        try (StandInNodes nodes = new StandInNodes();
                MetricsSweep sweep = new MetricsSweep(SweepSettings.defaults())) {
            List<Integer> ports = StandInNodes.freePorts(NODES, FIRST_PORT, LAST_PORT);
            nodes.start(ports);
            List<SweepTarget> targets = new ArrayList<>();
            for (int port : ports) {
                targets.add(SweepTarget.local("node" + port, port));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> sweep.sweep(targets).stream().allMatch(NodeProbe::isRunning));

            double[] concurrent = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                List<NodeProbe> probes = sweep.sweep(targets);
                concurrent[r] = (System.nanoTime() - start) / 1e9;
                assertThat(probes).allMatch(NodeProbe::isRunning);
            }
            long start = System.nanoTime();
            for (SweepTarget target : targets) {
                assertThat(sweep.probe(target).isRunning()).isTrue();
            }
            double sequential = (System.nanoTime() - start) / 1e9;

            Arrays.sort(concurrent);
            System.out.println(String.format(Locale.ROOT,
                    "SweepBenchmark: %s; %d cores; settings %s%n"
                            + "  concurrent sweep of %d nodes: median %.3f s, best %.3f s, worst %.3f s (%d rounds)%n"
                            + "  sequential sweep (one node after another, as wnm): %.3f s -> %.1fx slower than the median",
                    nodes.kind(), Runtime.getRuntime().availableProcessors(), SweepSettings.defaults(), NODES,
                    concurrent[ROUNDS / 2], concurrent[0], concurrent[ROUNDS - 1], ROUNDS, sequential,
                    sequential / concurrent[ROUNDS / 2]));
        }
    }
}
