package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.DockerGateway;
import io.antfleet.fleet.AntfleetException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A scenario measured in rounds, antfleet's side and the floor's one after the other, the side that goes
 * first alternating (antfleet in round 1), so that neither always finds the host fresher or warmer. The
 * figure is the median of the per-round ratios, with their spread; the execs each side made (through a
 * {@link CountingGateway}) are counted per container. Warm-up rounds, when asked for, run both sides first and
 * count for nothing.
 */
final class Rounds {
    /** One side's wall and JVM CPU seconds. */
    record Timing(double wall, double cpu) {
    }

    private final List<double[]> rounds = new ArrayList<>();
    private final Map<String, Long> antfleetExecs = new TreeMap<>();
    private final Map<String, Long> floorExecs = new TreeMap<>();
    private final int warmUps;
    private final List<String> redone = new ArrayList<>();
    /** Failed rounds run again at most this often in one scenario. */
    static final int MAX_REDONE = 2;

    Rounds() {
        this(0);
    }

    private Rounds(int warmUps) {
        this.warmUps = warmUps;
    }

    /** Times {@code work}: wall seconds and this JVM's CPU seconds. */
    static Timing time(Runnable work) {
        double cpu0 = PeakMemory.processCpuSeconds();
        long start = System.nanoTime();
        work.run();
        return new Timing((System.nanoTime() - start) / 1e9, PeakMemory.processCpuSeconds() - cpu0);
    }

    /**
     * Runs {@code count} rounds of {@code antfleet} (timed by itself, so that set-up and clean-up stay out)
     * and {@code floor} (its seconds), one progress line per round.
     */
    static Rounds run(String name, int count, DockerGateway docker, Supplier<Timing> antfleet, DoubleSupplier floor,
            PrintWriter progress) {
        return run(name, 0, count, docker, antfleet, floor, progress);
    }

    /**
     * As {@link #run(String, int, DockerGateway, Supplier, DoubleSupplier, PrintWriter)}, after {@code warmUps}
     * rounds of both sides that count for nothing (neither seconds nor execs): the first run of a path in a JVM
     * pays for loading and compiling its classes, and the first containers of a run for the image's first use,
     * which neither side pays again.
     */
    static Rounds run(String name, int warmUps, int count, DockerGateway docker, Supplier<Timing> antfleet,
            DoubleSupplier floor, PrintWriter progress) {
        Rounds rounds = new Rounds(warmUps);
        for (int w = 0; w < warmUps; w++) {
            Timing a = antfleet.get();
            double f = floor.getAsDouble();
            progress.printf(Locale.ROOT, "bench: %s warm-up %d (not counted): antfleet %.3f s, floor %.3f s%n", name, w + 1,
                    a.wall(), f);
            progress.flush();
        }
        for (int r = 0; r < count; r++) {
            Map<String, Long> antfleetBefore = new TreeMap<>(rounds.antfleetExecs);
            Map<String, Long> floorBefore = new TreeMap<>(rounds.floorExecs);
            Timing a;
            double f;
            try {
                if (r % 2 == 0) {
                    a = rounds.counted(docker, rounds.antfleetExecs, antfleet);
                    f = rounds.counted(docker, rounds.floorExecs, floor::getAsDouble);
                } else {
                    f = rounds.counted(docker, rounds.floorExecs, floor::getAsDouble);
                    a = rounds.counted(docker, rounds.antfleetExecs, antfleet);
                }
            } catch (AntfleetException failed) {
                if (rounds.redone.size() >= MAX_REDONE) {
                    throw failed;
                }
                rounds.redo(r, failed, antfleetBefore, floorBefore, name, progress);
                r--;
                continue;
            }
            rounds.add(a.wall(), f, a.cpu());
            progress.printf(Locale.ROOT, "bench: %s round %d (%s first): antfleet %.3f s, floor %.3f s, ratio %.3f%n",
                    name, r + 1, r % 2 == 0 ? "antfleet" : "floor", a.wall(), f, a.wall() / f);
            progress.flush();
        }
        return rounds;
    }

    /**
     * A round in which either side failed is run again, at most {@value #MAX_REDONE} times in all, and says so in
     * {@link #summary}: on a busy host a stand-in node now and then fails to start (another process on its port),
     * which says nothing about either side's speed. Its execs are not counted.
     */
    private void redo(int round, AntfleetException failed, Map<String, Long> antfleetBefore, Map<String, Long> floorBefore,
            String name, PrintWriter progress) {
        antfleetExecs.clear();
        antfleetExecs.putAll(antfleetBefore);
        floorExecs.clear();
        floorExecs.putAll(floorBefore);
        String reason = failed.getMessage() == null ? failed.toString() : failed.getMessage();
        redone.add("round " + (round + 1) + ": " + reason.substring(0, Math.min(reason.length(), 400)));
        progress.printf(Locale.ROOT, "bench: %s round %d failed, run again: %s%n", name, round + 1, reason);
        progress.flush();
    }

    private <T> T counted(DockerGateway docker, Map<String, Long> into, Supplier<T> side) {
        Map<String, Long> before = CountingGateway.snapshot(docker);
        T result = side.get();
        CountingGateway.snapshot(docker).forEach((k, v) -> {
            long delta = v - before.getOrDefault(k, 0L);
            if (delta > 0) {
                into.merge(k, delta, Long::sum);
            }
        });
        return result;
    }

    void add(double antfleet, double floor, double cpu) {
        rounds.add(new double[] {antfleet, floor, cpu});
    }

    int count() {
        return rounds.size();
    }

    double medianAntfleet() {
        return median(column(0));
    }

    double medianFloor() {
        return median(column(1));
    }

    double medianCpu() {
        return median(column(2));
    }

    double medianRatio() {
        return median(ratios());
    }

    double minRatio() {
        return Arrays.stream(ratios()).min().orElseThrow();
    }

    double maxRatio() {
        return Arrays.stream(ratios()).max().orElseThrow();
    }

    /** {@code ratio median R (spread MIN-MAX) over N rounds, ...; antfleet/floor per round: a/f (c CPU-s), ...}. */
    String summary() {
        List<String> each = new ArrayList<>();
        for (double[] r : rounds) {
            each.add(String.format(Locale.ROOT, "%.2f/%.2f (%.2f CPU-s)", r[0], r[1], r[2]));
        }
        return String.format(Locale.ROOT, "ratio median %.3f (spread %.3f-%.3f) over %d rounds%s, first side alternating "
                + "(antfleet first in round 1); antfleet/floor seconds per round (antfleet's JVM CPU): %s", medianRatio(), minRatio(),
                maxRatio(), count(), warmUps == 0 ? "" : " after " + warmUps + " untimed warm-up round"
                        + (warmUps == 1 ? "" : "s") + " of both sides", String.join(", ", each))
                + (redone.isEmpty() ? "" : "; run again after a failed side: " + String.join("; ", redone));
    }

    /** Execs per container and round of each side, e.g. {@code antfleet 2.05 (antctl add 1.00, ...) vs floor 2.00 (...)}. */
    String execsPerContainer(int containers) {
        return "execs per container: antfleet " + perContainer(antfleetExecs, containers) + " vs floor "
                + perContainer(floorExecs, containers);
    }

    double antfleetExecsPerContainer(int containers) {
        return antfleetExecs.values().stream().mapToLong(Long::longValue).sum() / (double) (containers * count());
    }

    private String perContainer(Map<String, Long> execs, int containers) {
        if (execs.isEmpty()) {
            return "(not counted)";
        }
        double divisor = containers * (double) count();
        List<String> each = new ArrayList<>();
        execs.forEach((k, v) -> each.add(String.format(Locale.ROOT, "%s %.2f", k, v / divisor)));
        double total = execs.values().stream().mapToLong(Long::longValue).sum() / divisor;
        return String.format(Locale.ROOT, "%.2f (%s)", total, String.join(", ", each));
    }

    /** The scenario's result: medians of each side, the median per-round ratio, met when it is at most {@code target}. */
    ScenarioResult result(String name, double target, String measured) {
        requireNonNull(measured, "measured is null");
        return new ScenarioResult(name, ScenarioResult.round(medianAntfleet()), ScenarioResult.round(medianFloor()),
                ScenarioResult.round(medianRatio()), String.format(Locale.ROOT, "<= %.2f x the floor (median of per-round "
                        + "ratios)", target), medianRatio() <= target, measured, ScenarioResult.round(medianCpu()),
                ScenarioResult.currentPeakRssMb());
    }

    private double[] column(int i) {
        return rounds.stream().mapToDouble(r -> r[i]).toArray();
    }

    private double[] ratios() {
        return rounds.stream().mapToDouble(r -> r[0] / r[1]).toArray();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalStateException("no rounds");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
