package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.metrics.MetricsSweep;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.metrics.SweepTarget;
import io.antfleet.metrics.SweptNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bench at scale, on a stand-in fleet of its own (by default 100 containers x 50 nodes, node, metrics and
 * rpc ports from {@code --scale-first-port}, 15000, in blocks of 5,000: below the ephemeral range, so outgoing
 * connections never take one, and clear of the ports tests and the default port plan bind), set up after the other scenarios and the
 * {@code memory} figure, so that neither sees this fleet. {@code scale}: one idle {@code run} cycle over all of
 * it ({@link IdleCycleScenario}, imported first, untimed). {@code scaling} (only when named): the same fleet
 * grown in three steps, a fifth, half and all of its containers (20, 50, 100: 1,000, 2,500, 5,000 nodes), and at
 * each the idle cycle, the concurrent sweep and a re-import against its floor; with {@code scale} named too, the
 * last step's idle cycle is {@code scale}'s.
 */
final class ScaleScenarios {
    static final String SCALE = "scale";
    private static final int ROUNDS = 3;
    private static final int SWEEP_ROUNDS = 5;

    /** The scale fleet's size and ports: node, metrics and rpc blocks from {@code firstPort}. */
    record Size(int containers, int nodesPerContainer, int firstPort) {
        static final Size DEFAULT = new Size(100, 50, 15000);

        Size {
            if (containers < 1 || nodesPerContainer < 1 || containers * nodesPerContainer > BenchSettings.MAX_NODES) {
                throw new IllegalArgumentException("scale containers x nodes per container must be 1.."
                        + BenchSettings.MAX_NODES + ", got " + containers + " x " + nodesPerContainer);
            }
        }
    }

    private final DockerGateway docker;
    private final ImportService imports;
    private final RunLoop loop;

    ScaleScenarios(DockerGateway docker, ImportService imports, RunLoop loop) {
        this.docker = requireNonNull(docker, "docker is null");
        this.imports = requireNonNull(imports, "imports is null");
        this.loop = requireNonNull(loop, "loop is null");
    }

    List<ScenarioResult> run(BenchSettings settings, Size size, PrintWriter progress) {
        boolean scale = settings.scenarios().contains(SCALE);
        boolean scaling = settings.scenarios().contains(BenchSettings.SCALING);
        if (!scale && !scaling) {
            return List.of();
        }
        BenchSettings fleetSettings = new BenchSettings(List.of(), size.containers(), size.nodesPerContainer(),
                size.firstPort(), settings.image(), settings.antImage());
        List<ScenarioResult> results = new ArrayList<>();
        progress.println(hostCheck(fleetSettings));
        try (BenchFleet fleet = new BenchFleet(docker, fleetSettings)) {
            for (int step : scaling ? steps(size.containers()) : List.of(size.containers())) {
                grow(fleet, step, fleetSettings, progress);
                int nodes = step * size.nodesPerContainer();
                if (scaling) {
                    results.add(importAt(fleet.names(), nodes));
                    results.add(sweepAt(fleetSettings, step));
                } else {
                    importAll(fleet.names(), nodes);
                }
                boolean last = step == size.containers();
                if (scaling && !(last && scale)) {
                    results.add(idleCycle("scaling-idle-cycle-" + nodes, fleet, size, IdleCycleScenario.Target.FIGURE));
                } else if (last && scale) {
                    results.add(idleCycle(SCALE, fleet, size, IdleCycleScenario.Target.SCALE));
                }
                progress.println("bench: " + (scaling ? "scaling at " + nodes + " nodes" : SCALE) + " measured");
                progress.flush();
            }
        }
        return results;
    }

    /** A fifth, half and all of the containers (each at least one, no step twice). */
    static List<Integer> steps(int containers) {
        List<Integer> steps = new ArrayList<>();
        for (int step : new int[] {Math.max(1, containers / 5), Math.max(1, containers / 2), containers}) {
            if (steps.isEmpty() || steps.get(steps.size() - 1) < step) {
                steps.add(step);
            }
        }
        return steps;
    }

    /**
     * What the host offers the fleet: whether outgoing connections can take its ports (those in the ephemeral range
     * are safe only where reserved), and room for one process per node.
     */
    static String hostCheck(BenchSettings fleet) {
        return hostCheck(fleet, PeakMemory.ephemeralRange(), PeakMemory.reservedPorts(), PeakMemory.pidMax());
    }

    static String hostCheck(BenchSettings fleet, int[] ephemeral, String reserved, long pidMax) {
        int first = fleet.firstPort();
        int last = first + 3 * fleet.block() - 1;
        String ports;
        if (ephemeral == null) {
            ports = "the ephemeral port range is unknown";
        } else if (last < ephemeral[0] || first > ephemeral[1]) {
            ports = "outside the ephemeral range " + ephemeral[0] + "-" + ephemeral[1] + ", so no outgoing connection takes one";
        } else {
            ports = "inside the ephemeral range " + ephemeral[0] + "-" + ephemeral[1] + ": safe only where reserved (reserved: "
                    + reserved + "; bin/setup-host reserves 32768-60999)";
        }
        return String.format(Locale.ROOT, "bench: scale fleet %d containers x %d nodes, ports %d-%d %s; one antnode "
                + "process per node (kernel.pid_max %d)", fleet.containers(), fleet.nodesPerContainer(), first, last, ports,
                pidMax);
    }

    private static void grow(BenchFleet fleet, int containers, BenchSettings settings, PrintWriter progress) {
        long start = System.nanoTime();
        int before = fleet.names().size();
        fleet.grow(containers, true);
        progress.printf(Locale.ROOT, "bench: scale fleet grown from %d to %d containers (%d nodes running) in %.1f s%n",
                before, containers, containers * settings.nodesPerContainer(), (System.nanoTime() - start) / 1e9);
        progress.flush();
    }

    private ScenarioResult idleCycle(String name, BenchFleet fleet, Size size, IdleCycleScenario.Target target) {
        int nodes = fleet.names().size() * size.nodesPerContainer();
        return IdleCycleScenario.over(name, loop, fleet.names(), size.nodesPerContainer(), fleet.image(), target)
                .run(nodes);
    }

    /** Re-imports (the median of {@link #ROUNDS}, after the first, untimed) against the floor: status per container, all at once. */
    private ScenarioResult importAt(List<String> names, int nodes) {
        importAll(names, nodes);
        Floor floor = new Floor(docker);
        List<Floor.Step> surveys = names.stream().map(c -> Floor.exec(c, List.of("antctl", "status", "--json"))).toList();
        double[] antfleet = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        double[] floors = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            // which side goes first alternates, so neither always finds the host fresher
            if (r % 2 == 1) {
                floors[r] = floor.parallel(surveys);
            }
            double cpu0 = PeakMemory.processCpuSeconds();
            antfleet[r] = importAll(names, nodes);
            cpu[r] = PeakMemory.processCpuSeconds() - cpu0;
            if (r % 2 == 0) {
                floors[r] = floor.parallel(surveys);
            }
        }
        double a = IdleCycleScenario.median(antfleet);
        double f = IdleCycleScenario.median(floors);
        return ScenarioResult.timed("scaling-import-" + names.size(), a, f, IdleCycleScenario.Target.FIGURE.describe(),
                true, String.format(Locale.ROOT, "re-import of %d nodes from %d containers: median %.2f s of %d; floor "
                        + "(antctl status --json in every container at once) median %.2f s", nodes, names.size(), a,
                        ROUNDS, f), IdleCycleScenario.median(cpu));
    }

    private double importAll(List<String> names, int expectedNodes) {
        long start = System.nanoTime();
        ImportReport report = imports.importContainers(names, Optional.empty());
        double seconds = (System.nanoTime() - start) / 1e9;
        long nodes = report.containers().stream().mapToLong(c -> c.nodes() == null ? 0 : c.nodes().size()).sum();
        if (!report.allSucceeded() || nodes != expectedNodes) {
            throw new AntfleetException("bench scale import recorded " + nodes + " of " + expectedNodes + " nodes: "
                    + report.containers().stream().map(ImportReport.ContainerImport::error).filter(e -> e != null).toList());
        }
        return seconds;
    }

    /** The concurrent sweep of the first {@code containers}' nodes: median of {@link #SWEEP_ROUNDS} after one untimed. */
    private static ScenarioResult sweepAt(BenchSettings fleet, int containers) {
        List<SweepTarget> targets = new ArrayList<>();
        for (int c = 0; c < containers; c++) {
            for (int k = 0; k < fleet.nodesPerContainer(); k++) {
                targets.add(SweepTarget.local("scale-" + c + "-" + k, fleet.metricsPort(c) + k));
            }
        }
        try (MetricsSweep sweep = new MetricsSweep(SweepSettings.defaults())) {
            requireAnswering(sweep.sweep(targets));
            double[] wall = new double[SWEEP_ROUNDS];
            double[] cpu = new double[SWEEP_ROUNDS];
            for (int r = 0; r < SWEEP_ROUNDS; r++) {
                double cpu0 = PeakMemory.processCpuSeconds();
                long start = System.nanoTime();
                requireAnswering(sweep.sweep(targets));
                wall[r] = (System.nanoTime() - start) / 1e9;
                cpu[r] = PeakMemory.processCpuSeconds() - cpu0;
            }
            double w = IdleCycleScenario.median(wall);
            return new ScenarioResult("scaling-sweep-" + targets.size(), ScenarioResult.round(w), null, null,
                    IdleCycleScenario.Target.FIGURE.describe(), true, String.format(Locale.ROOT,
                            "concurrent sweep of %d nodes: median %.3f s (best %.3f) of %d, %.3f CPU-s of the JVM",
                            targets.size(), w, IdleCycleScenario.min(wall), SWEEP_ROUNDS, IdleCycleScenario.median(cpu)),
                    ScenarioResult.round(IdleCycleScenario.median(cpu)), ScenarioResult.currentPeakRssMb());
        }
    }

    /** The figure is a sweep of the fleet only when at least 99 % of its nodes answered. */
    private static void requireAnswering(List<SweptNode> probes) {
        long running = probes.stream().filter(SweptNode::isRunning).count();
        if (running < IdleCycleScenario.MIN_ANSWERING * probes.size()) {
            throw new AntfleetException("bench scaling sweep: " + running + " of " + probes.size() + " nodes answered");
        }
    }
}
