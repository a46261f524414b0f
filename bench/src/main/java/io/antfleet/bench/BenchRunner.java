package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.store.ContainerRepository;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the bench: stand-in containers with running nodes, then each chosen scenario against its floor
 * measured in the same run, then removes the containers. Progress lines go to {@code progress}.
 */
public final class BenchRunner {
    private static final int ROUNDS = 5;
    /** The converge size: 25 nodes in each container. */
    private static final int CONVERGE_NODES = 25;
    private static final double MEMORY_TARGET_MB = 256;

    /** The scenarios measured on the bench fleet of {@link #run} (the others have fleets of their own, or none). */
    private static final java.util.Set<String> ON_THIS_FLEET = java.util.Set.of("import", "sweep", "sweep-faulty", "idle-cycle");

    private final DockerGateway docker;
    private final ImportService imports;
    private final ConvergeScenario converge;
    private final RunLoop loop;
    private final AntScenarios ant;

    public BenchRunner(DockerGateway docker, ImportService imports, ApplyService apply, ContainerRepository containers,
            RunLoop loop, AntScenarios ant) {
        this.docker = requireNonNull(docker, "docker is null");
        this.imports = requireNonNull(imports, "imports is null");
        this.converge = new ConvergeScenario(docker, apply, containers);
        this.loop = requireNonNull(loop, "loop is null");
        this.ant = requireNonNull(ant, "ant is null");
    }

    public List<ScenarioResult> run(BenchSettings settings, PrintWriter progress) {
        List<ScenarioResult> results = new ArrayList<>();
        if (settings.scenarios().contains("converge")) {
            progress.println("bench: converge: " + settings.containers() + " containers x " + CONVERGE_NODES + " nodes");
            progress.flush();
            results.add(converge.run(settings.containers(), CONVERGE_NODES, settings.firstPort(), settings.image(), progress));
        }
        results.addAll(ant.run(settings, CONVERGE_NODES, progress));
        if (!settings.scenarios().contains("import") && !settings.scenarios().contains("sweep")
                && !settings.scenarios().contains("sweep-faulty") && !settings.scenarios().contains("idle-cycle")) {
            return withMemory(settings, results);
        }
        try (BenchFleet fleet = new BenchFleet(docker, settings)) {
            progress.printf(Locale.ROOT, "bench: %d containers x %d nodes (%s), starting them%n", settings.containers(),
                    settings.nodesPerContainer(), settings.image());
            progress.println("bench: ports reserved from the ephemeral range: " + PeakMemory.reservedPorts()
                    + " (unreserved ports in 32768-60999 can be taken by outgoing connections; then a node fails to"
                    + " bind and set-up retries: sysctl -w net.ipv4.ip_local_reserved_ports=" + settings.firstPort() + "-"
                    + (settings.firstPort() + 2999) + ")");
            progress.flush();
            fleet.create(true);
            for (String scenario : settings.scenarios()) {
                if (!ON_THIS_FLEET.contains(scenario)) {
                    continue;
                }
                if (scenario.equals("import")) {
                    results.add(importScenario(fleet, settings, progress));
                } else if (scenario.equals("sweep")) {
                    results.add(new SweepScenarios(docker, settings).plain());
                } else if (scenario.equals("sweep-faulty")) {
                    results.add(new SweepScenarios(docker, settings).faulty(fleet.names()));
                } else if (scenario.equals("idle-cycle")) {
                    results.add(idleCycleScenario(fleet, settings));
                }
                progress.println("bench: " + scenario + " measured");
                progress.flush();
            }
        }
        return withMemory(settings, results);
    }

    private static List<ScenarioResult> withMemory(BenchSettings settings, List<ScenarioResult> results) {
        if (settings.scenarios().contains("memory")) {
            results.add(memoryScenario());
        }
        return results;
    }

    private ScenarioResult importScenario(BenchFleet fleet, BenchSettings settings, PrintWriter progress) {
        return new ImportScenario(docker, imports).run(fleet.names(), settings.nodes(), progress);
    }

    private double timedImport(List<String> names, int expectedNodes) {
        long start = System.nanoTime();
        ImportReport report = imports.importContainers(names, Optional.empty());
        double seconds = (System.nanoTime() - start) / 1e9;
        long nodes = report.containers().stream().mapToLong(c -> c.nodes() == null ? 0 : c.nodes().size()).sum();
        if (!report.allSucceeded() || nodes != expectedNodes) {
            throw new AntfleetException("bench import recorded " + nodes + " of " + expectedNodes + " nodes: "
                    + report.containers().stream().map(ImportReport.ContainerImport::error).filter(e -> e != null).toList());
        }
        return seconds;
    }

    /** The fleet is imported first (not timed; the import scenario may not have run), then the cycles. */
    private ScenarioResult idleCycleScenario(BenchFleet fleet, BenchSettings settings) {
        timedImport(fleet.names(), settings.nodes());
        return IdleCycleScenario.over(loop, fleet.names(), settings.nodesPerContainer(), settings.image())
                .run(settings.nodes());
    }

    private static ScenarioResult memoryScenario() {
        double mb = PeakMemory.peakResidentKb() / 1024.0;
        return new ScenarioResult("memory", null, null, null, "<= 256 MB peak RSS", mb <= MEMORY_TARGET_MB,
                String.format(Locale.ROOT, "peak RSS of the antfleet JVM over the scenarios run: %.0f MB (heap max %d MB)",
                        mb, Runtime.getRuntime().maxMemory() / (1024 * 1024)), null, ScenarioResult.round(mb));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
