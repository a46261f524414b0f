package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A full metrics sweep of 1,000 nodes, each serving a real antnode's 48 KB /metrics (target: at most 0.25 s
 * on the 2-core build machine), with each transport, and the same nodes read one after another, for the ratio. Ports: the first
 * 1,000 free in 45000-46999 (-Dsweep.firstPort moves them). Run: mvn -B -Pbenchmark -pl orchestrator -am verify -Dtest=SweepBenchmark
 */
@Tag("benchmark")
class SweepBenchmark {
    private static final int NODES = 1_000;
    /** -Dsweep.firstPort=N moves the 2,000-port block (parallel runs each keep to their own range). */
    private static final int FIRST_PORT = Integer.getInteger("sweep.firstPort", 45_000);
    private static final int LAST_PORT = FIRST_PORT + 1_999;
    private static final int ROUNDS = 7;
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void aThousandNodesAreSweptConcurrentlyAndOneByOne() throws Exception {
        try (StandInNodes nodes = new StandInNodes()) {
            List<Integer> ports = StandInNodes.freePorts(NODES, FIRST_PORT, LAST_PORT);
            nodes.start(ports);
            List<SweepTarget> targets = new ArrayList<>();
            for (int port : ports) {
                targets.add(SweepTarget.local("node" + port, port));
            }
            System.out.println(String.format(Locale.ROOT, "SweepBenchmark: %s; %d cores, load average %.1f; %s",
                    nodes.kind(), OS.getAvailableProcessors(), OS.getSystemLoadAverage(), SweepSettings.defaults()));
            double socketMedian = 0;
            for (SweepTransport transport : SweepTransport.values()) {
                try (MetricsSweep sweep = new MetricsSweep(SweepSettings.defaults(), transport)) {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                            .until(() -> sweep.sweep(targets).stream().allMatch(SweptNode::isRunning));
                    double median = concurrent(sweep, targets, transport);
                    if (transport == SweepTransport.SOCKET) {
                        socketMedian = median;
                        sequential(sweep, targets, median);
                    }
                }
            }
            System.out.println(String.format(Locale.ROOT, "  load average at the end %.1f; default transport median %.3f s",
                    OS.getSystemLoadAverage(), socketMedian));
        }
    }

    private static double concurrent(MetricsSweep sweep, List<SweepTarget> targets, SweepTransport transport) {
        long cpuBefore = OS.getProcessCpuTime();
        double[] seconds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            List<SweptNode> probes = sweep.sweep(targets);
            seconds[r] = (System.nanoTime() - start) / 1e9;
            assertThat(probes).allMatch(SweptNode::isRunning);
        }
        double cpu = (OS.getProcessCpuTime() - cpuBefore) / 1e9 / ROUNDS;
        Arrays.sort(seconds);
        System.out.println(String.format(Locale.ROOT,
                "  %s: concurrent sweep of %d nodes: median %.3f s, best %.3f s, worst %.3f s (%d rounds), %.2f CPU-s of this JVM per sweep",
                transport, targets.size(), seconds[ROUNDS / 2], seconds[0], seconds[ROUNDS - 1], ROUNDS, cpu));
        return seconds[ROUNDS / 2];
    }

    private static void sequential(MetricsSweep sweep, List<SweepTarget> targets, double concurrentMedian) {
        long start = System.nanoTime();
        for (SweepTarget target : targets) {
            assertThat(sweep.probe(target).isRunning()).isTrue();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT,
                "  SOCKET: sequential sweep (one node after another, as wnm): %.3f s -> %.1fx the concurrent median",
                seconds, seconds / concurrentMedian));
    }
}
