package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.ExecResult;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.metrics.MetricsSweep;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.metrics.SweepTarget;
import io.antfleet.metrics.SweptNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two sweep scenarios over the bench fleet's running nodes (each serves a real antnode's 47 KB
 * {@code /metrics}): {@code sweep}, every node healthy, and {@code sweep-faulty}, where one node in
 * {@link #HANGING_EVERY} accepts connections and never answers (the stand-in's {@code stall-metrics} fault).
 * antfleet's side is {@link MetricsSweep} with the product's {@link SweepSettings#defaults()}.
 */
final class SweepScenarios {
    private static final int ROUNDS = 5;
    static final double SWEEP_TARGET = 0.25;
    static final double FAULTY_TARGET = 1.0;
    static final double FAULTY_RATIO = 0.02;
    /** Every 20th node hangs: 50 of 1,000. */
    static final int HANGING_EVERY = 20;
    /** wnm's per-request timeout (wnm-reference.md, defect 2: two requests per node, 5 s each, one node after another). */
    static final Duration WNM_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration EXEC_BOUND = Duration.ofSeconds(60);
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(20);

    private final DockerGateway docker;
    private final BenchSettings settings;
    private final List<SweepTarget> targets = new ArrayList<>();

    SweepScenarios(DockerGateway docker, BenchSettings settings) {
        this.docker = requireNonNull(docker, "docker is null");
        this.settings = requireNonNull(settings, "settings is null");
        for (int c = 0; c < settings.containers(); c++) {
            for (int k = 0; k < settings.nodesPerContainer(); k++) {
                targets.add(SweepTarget.local("bench-" + c + "-" + k, settings.metricsPort(c) + k));
            }
        }
    }

    /** Whether the i-th node (containers in order, nodes in order) is one of sweep-faulty's hanging ones. */
    static boolean hangs(int index) {
        return index % HANGING_EVERY == 0;
    }

    /** {@code sweep}: median of 5 concurrent sweeps after one untimed; the same nodes one after another for the ratio. */
    ScenarioResult plain() {
        try (MetricsSweep sweep = new MetricsSweep(SweepSettings.defaults())) {
            expectRunning(sweep.sweep(targets), targets.size());
            Samples rounds = rounds(() -> expectRunning(sweep.sweep(targets), targets.size()));
            long start = System.nanoTime();
            for (SweepTarget target : targets) {
                sweep.probe(target);
            }
            double sequential = (System.nanoTime() - start) / 1e9;
            double a = rounds.medianSeconds();
            return ScenarioResult.timed("sweep", a, sequential, "<= " + SWEEP_TARGET + " s", a <= SWEEP_TARGET,
                    String.format(Locale.ROOT, "%d nodes, %s each: concurrent median %.3f s (best %.3f) of %d; "
                                    + "floor = the same nodes one after another with the same client %.3f s (%.1fx)",
                            targets.size(), bodySize(), a, rounds.bestSeconds(), ROUNDS, sequential, sequential / a),
                    rounds.medianCpu());
        }
    }

    /**
     * {@code sweep-faulty}: the hanging nodes' {@code stall-metrics} files are written, one untimed sweep (it
     * also learns which nodes hang), the median of 5 timed ones, then the wnm-style floor, and the files removed.
     */
    ScenarioResult faulty(List<String> containers) {
        List<SweepTarget> live = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!hangs(i)) {
                live.add(targets.get(i));
            }
        }
        int hanging = targets.size() - live.size();
        stall(containers, true);
        try (MetricsSweep sweep = new MetricsSweep(SweepSettings.defaults())) {
            double first = awaitHanging(sweep, live.size());
            Samples rounds = rounds(() -> expectRunning(sweep.sweep(targets), live.size()));
            double sequential = wnmSequential(live);
            return faultyResult(rounds, first, sequential, live.size(), hanging);
        } finally {
            stall(containers, false);
        }
    }

    /**
     * {@code first}: the sweep that met the hanging nodes (they cost the full request timeout there, and the
     * short one after); {@code liveSequential}: wnm's sequential read of the answering nodes.
     */
    static ScenarioResult faultyResult(Samples rounds, double first, double liveSequential, int live, int hanging) {
        double wait = WNM_TIMEOUT.toMillis() / 1000.0;
        double floor = liveSequential + hanging * wait;
        double a = rounds.medianSeconds();
        boolean met = a <= FAULTY_TARGET && a / floor <= FAULTY_RATIO;
        return ScenarioResult.timed("sweep-faulty", a, floor, "<= " + FAULTY_TARGET + " s and ratio <= " + FAULTY_RATIO,
                met, String.format(Locale.ROOT, "%d nodes, %d of them accept and never answer: MetricsSweep (defaults: "
                                + "%s) median %.3f s (best %.3f, worst %.3f) of %d; the first sweep, which met the "
                                + "hanging nodes (full timeout), %.3f s, not counted; floor = wnm's "
                                + "sequential sweep = %.3f s (the %d answering nodes one after another, /metrics then "
                                + "/metadata, %.0f s timeout, antfleet's own client) + %d hanging x %.0f s (wnm's "
                                + "per-request timeout, counted once: wnm would wait as long again for /metadata) = %.3f s",
                        live + hanging, hanging, describe(SweepSettings.defaults()), a, rounds.bestSeconds(),
                        rounds.worstSeconds(), ROUNDS, first, liveSequential, live, wait, hanging, wait, floor),
                rounds.medianCpu());
    }

    private static String describe(SweepSettings s) {
        return String.format(Locale.ROOT, "connect %d ms, request %d ms, a hanging node %d ms and first, %d at once",
                s.connectTimeout().toMillis(), s.requestTimeout().toMillis(), s.hangingTimeout().toMillis(), s.maxInFlight());
    }

    /** wnm's floor on the answering nodes: one after another, both endpoints each time, wnm's 5 s timeout. */
    private static double wnmSequential(List<SweepTarget> live) {
        try (MetricsSweep wnm = new MetricsSweep(new SweepSettings(WNM_TIMEOUT, WNM_TIMEOUT, 1, 1))) {
            long start = System.nanoTime();
            expectRunning(wnm.sweepFresh(live), live.size());
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * The stall takes effect on a node's next connection; sweeps (bounded) until exactly the hanging ones are
     * silent. Returns the seconds of the first of these sweeps.
     */
    private double awaitHanging(MetricsSweep sweep, int live) {
        long deadline = System.nanoTime() + SETTLE_BOUND.toNanos();
        double first = -1;
        while (true) {
            long start = System.nanoTime();
            List<SweptNode> probes = sweep.sweep(targets);
            first = first < 0 ? (System.nanoTime() - start) / 1e9 : first;
            long running = probes.stream().filter(SweptNode::isRunning).count();
            boolean silent = true;
            for (int i = 0; i < probes.size(); i++) {
                silent &= probes.get(i).isRunning() != hangs(i);
            }
            if (running == live && silent) {
                return first;
            }
            if (System.nanoTime() > deadline) {
                throw new AntfleetException("bench sweep-faulty: " + running + " of " + targets.size()
                        + " nodes answered, expected exactly the " + live + " not hanging");
            }
        }
    }

    /** Writes (or removes) stall-metrics in the data dir of each hanging node: one exec per container. */
    private void stall(List<String> containers, boolean on) {
        for (int c = 0; c < containers.size(); c++) {
            List<String> command = new ArrayList<>(on ? List.of("touch") : List.of("rm", "-f"));
            for (int k = 0; k < settings.nodesPerContainer(); k++) {
                if (hangs(c * settings.nodesPerContainer() + k)) {
                    command.add("/var/antctl/services/antnode" + (k + 1) + "/stall-metrics");
                }
            }
            if (command.size() > (on ? 1 : 2)) {
                ExecResult r = docker.exec(containers.get(c), command, "root", Map.of(), null, EXEC_BOUND);
                if (r.exitCode() != 0) {
                    throw new AntfleetException("bench sweep-faulty: " + String.join(" ", command) + " in "
                            + containers.get(c) + " exited " + r.exitCode() + ": " + r.stderr().strip());
                }
            }
        }
    }

    /** The size of one node's /metrics as served now, read once over HTTP: what each node of the sweep sends. */
    private String bodySize() {
        SweepTarget first = targets.get(0);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            String body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + first.metricsPort() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return String.format(Locale.ROOT, "/metrics of %,d bytes and %d lines", body.length(), body.lines().count());
        } catch (java.io.IOException e) {
            return "/metrics of unknown size (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("bench sweep interrupted", e);
        }
    }

    private static Samples rounds(Runnable sweep) {
        double[] seconds = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double cpu0 = PeakMemory.processCpuSeconds();
            long start = System.nanoTime();
            sweep.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
            cpu[r] = PeakMemory.processCpuSeconds() - cpu0;
        }
        return new Samples(seconds, cpu);
    }

    private static List<SweptNode> expectRunning(List<SweptNode> probes, int expected) {
        long running = probes.stream().filter(SweptNode::isRunning).count();
        if (running != expected) {
            throw new AntfleetException("bench sweep: " + running + " of " + expected + " nodes answered: "
                    + probes.stream().filter(p -> !p.isRunning()).limit(3).map(p -> p.target().id() + " " + p.failure()).toList());
        }
        return probes;
    }

    /** Wall and CPU seconds of the timed sweeps (one per round). */
    record Samples(double[] seconds, double[] cpu) {
        Samples {
            seconds = seconds.clone();
            cpu = cpu.clone();
            if (seconds.length == 0 || seconds.length != cpu.length) {
                throw new IllegalArgumentException("rounds need as many CPU figures as wall figures, at least one");
            }
        }

        double medianSeconds() {
            return median(seconds);
        }

        double bestSeconds() {
            return Arrays.stream(seconds).min().orElseThrow();
        }

        double worstSeconds() {
            return Arrays.stream(seconds).max().orElseThrow();
        }

        double medianCpu() {
            return median(cpu);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }
}
