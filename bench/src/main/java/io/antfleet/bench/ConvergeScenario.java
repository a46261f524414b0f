package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.docker.ExecResult;
import io.antfleet.engine.apply.ApplyProgress;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.plan.Plan;
import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.store.ContainerRepository;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Converge from empty: {@code antfleet apply} of C containers x N nodes (all started), against the {@link Floor}
 * of a script that takes the same steps (create the container, then {@code antctl add} of the batch and
 * {@code antctl start} of its services) for every container at once; {@link #ROUNDS} rounds after
 * {@link #WARM_UPS} untimed one ({@link Rounds}).
 * Both sides run the same stand-in settings: each container's {@link StandinConfig} is written by the same exec
 * before its first add (antfleet's from the apply's progress hook, as the add-nodes step starts). Ports: node
 * FIRST.., metrics FIRST+1000.., rpc FIRST+2000.., N per container.
 */
final class ConvergeScenario {
    static final double TARGET_RATIO = 1.10;
    /** Five rounds: one slow round (a busy moment of the host, on either side) moves the median little. */
    static final int ROUNDS = 5;
    /**
     * One untimed round of both sides first: the first apply in the JVM loads and compiles the whole path, which a
     * long-running orchestrator pays once, not per apply (docs/performance.md: its round 1 stood out).
     */
    static final int WARM_UPS = 1;
    private static final int REMOVE_ATTEMPTS = 3;
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";

    private final DockerGateway docker;
    private final ApplyService apply;
    private final ContainerRepository containers;
    /** Milliseconds from each apply's call to its plan (lease, journal, observation, plan), warm-up included. */
    private final List<Double> planning = new ArrayList<>();

    ConvergeScenario(DockerGateway docker, ApplyService apply, ContainerRepository containers) {
        this.docker = requireNonNull(docker, "docker is null");
        this.apply = requireNonNull(apply, "apply is null");
        this.containers = requireNonNull(containers, "containers is null");
    }

    ScenarioResult run(int containers, int nodes, int firstPort, String image, PrintWriter progress) {
        Rounds rounds = Rounds.run("converge", WARM_UPS, ROUNDS, docker,
                () -> applied(containers, nodes, firstPort, image, progress),
                () -> floor(containers, nodes, firstPort, image, progress), progress);
        return rounds.result("converge", TARGET_RATIO, String.format(Locale.ROOT, "empty to %d containers x %d nodes "
                + "running, stand-in peer_wait_ms=0 on both sides: antfleet apply median %.2f s; floor (per container at "
                + "once: create + write the stand-in config + antctl add + antctl start of the batch) median %.2f s; %s; %s; "
                + "antfleet's first step began %s ms after the apply was called (lease, journal, observation, plan; "
                + "warm-up first)",
                containers, nodes, rounds.medianAntfleet(), rounds.medianFloor(), rounds.summary(),
                rounds.execsPerContainer(containers), planning.stream().map(ms -> String.format(Locale.ROOT, "%.0f", ms))
                        .collect(java.util.stream.Collectors.joining("/"))));
    }

    /** One {@code antfleet apply} of a fresh fleet, timed; the fleet is removed after (not timed). */
    private Rounds.Timing applied(int containers, int nodes, int firstPort, String image, PrintWriter progress) {
        String fleet = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        FleetSpec spec = new SpecLoader().parse("bench.yaml", spec(fleet, containers, nodes, firstPort, image));
        SameSettings settings = new SameSettings(spec);
        try {
            ApplyReport[] report = new ApplyReport[1];
            long start = System.nanoTime();
            Rounds.Timing timing = Rounds.time(() -> report[0] = apply.apply(spec, false, settings));
            planning.add((settings.plannedAt - start) / 1e6);
            progress.println("bench: converge antfleet: " + settings.phases.describe());
            if (!settings.failures.isEmpty() || !report[0].ok()) {
                throw new AntfleetException("bench converge: apply failed: " + whyNodesFailed(spec, report[0]) + " "
                        + report[0].containers() + " " + settings.failures);
            }
            return timing;
        } finally {
            removeFleet(fleet);
        }
    }

    /** The crash reasons the failed containers' nodes wrote (the stand-in's critical_failure.log), first two containers. */
    private String whyNodesFailed(FleetSpec spec, ApplyReport report) {
        List<String> reasons = new ArrayList<>();
        report.containers().stream().filter(c -> c.error().isPresent()).limit(2).forEach(c -> {
            String name = spec.dockerName(c.container());
            try {
                ExecResult r = docker.exec(name, List.of("find", "/var/log/antnode", "-name", "critical_failure.log",
                        "-exec", "cat", "{}", ";"), null, Map.of(), null, java.time.Duration.ofSeconds(10));
                reasons.add(name + ": " + r.stdout().strip().replace('\n', ' '));
            } catch (RuntimeException e) {
                reasons.add(name + ": (" + e.getMessage() + ")");
            }
        });
        return "nodes' crash reasons " + reasons;
    }

    /** Writes the stand-in's settings into each container as its add-nodes step starts (after the create). */
    private final class SameSettings implements ApplyProgress {
        private final FleetSpec spec;
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private volatile long plannedAt;
        private final Phases phases = new Phases();

        SameSettings(FleetSpec spec) {
            this.spec = spec;
        }

        @Override
        public void planned(Plan plan) {
            plannedAt = System.nanoTime();
        }

        @Override
        public void started(PlanStep action) {
            if (action instanceof PlanStep.AddNodes) {
                phases.configured(action.container());
                try {
                    StandinConfig.noPeerWait(docker, spec.dockerName(action.container()));
                } catch (RuntimeException e) {
                    failures.add(e.getMessage()); // a progress listener must not throw: the round fails after
                }
            }
        }

        @Override
        public void finished(PlanStep action, boolean ok) {
            if (action instanceof PlanStep.AddNodes) {
                phases.done(action.container());
            }
        }
    }

    private double floor(int containers, int nodes, int firstPort, String image, PrintWriter progress) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> names = new ArrayList<>();
        try {
            List<List<Floor.Step>> chains = new ArrayList<>();
            Phases phases = new Phases();
            for (int i = 0; i < containers; i++) {
                String name = "bench-" + run + "-floor" + i;
                names.add(name);
                chains.add(floorChain(name, image, nodes, firstPort + i * nodes, phases));
            }
            double cpu = PeakMemory.processCpuSeconds();
            double seconds = new Floor(docker).chains(chains);
            progress.printf(Locale.ROOT, "bench: converge floor: %s; this JVM's CPU %.2f s (Docker calls through the same "
                    + "gateway)%n", phases.describe(), PeakMemory.processCpuSeconds() - cpu);
            return seconds;
        } finally {
            removeAll(names);
        }
    }

    private static String spec(String fleet, int containers, int nodes, int firstPort, String image) {
        StringBuilder text = new StringBuilder();
        text.append("apiVersion: antfleet/v1\nfleet: ").append(fleet).append("\nimage: ").append(image)
                .append("\nprocessManager: antctl+sudo\nrewardsAddress: \"").append(WALLET).append("\"\nnoUpnp: true\n")
                .append("ports: {node: ").append(firstPort).append(", metrics: ").append(firstPort + 1000)
                .append(", rpc: ").append(firstPort + 2000).append(", blockSize: ").append(nodes).append("}\n")
                .append("containers:\n");
        for (int i = 0; i < containers; i++) {
            text.append("  - name: c").append(i).append("\n    nodes: ").append(nodes).append('\n');
        }
        return text.toString();
    }

    /**
     * What a script does for one container: create it on its volume, write the stand-in's settings, add the
     * batch, start the batch's services (as root, the system-wide registry, as apply's antctl+sudo).
     */
    private static List<Floor.Step> floorChain(String name, String image, int nodes, int port, Phases phases) {
        int metrics = port + 1000;
        int rpc = port + 2000;
        List<String> start = new ArrayList<>(List.of("antctl", "start"));
        for (int n = 1; n <= nodes; n++) {
            start.addAll(List.of("--service-name", "antnode" + n));
        }
        ContainerSpec container = new ContainerSpec(name, image, Map.of(BenchFleet.LABEL, "true"), "host",
                name + "-data", "/var/antctl", null, null);
        return List.of(
                docker -> docker.createAndStart(container),
                docker -> {
                    phases.configured(name);
                    StandinConfig.noPeerWait(docker, name);
                },
                Floor.exec(name, List.of("antctl", "add", "--count", Integer.toString(nodes), "--node-port",
                        port + "-" + (port + nodes - 1), "--metrics-port", metrics + "-" + (metrics + nodes - 1),
                        "--rpc-port", rpc + "-" + (rpc + nodes - 1), "--no-upnp", "--rewards-address", WALLET,
                        "evm-arbitrum-one")),
                Floor.exec(name, start), docker -> phases.done(name));
    }

    /**
     * The fleet's containers, and their rows (with their nodes), as pruning them would: rows left behind would keep
     * their port blocks taken, so that each later round's apply got blocks further up, different from the floor's and
     * in the end inside the ephemeral range (measured: rpc ports 61000+ by round 4, nodes failing to bind).
     */
    private void removeFleet(String fleet) {
        removeAll(docker.listByLabels(Map.of("antfleet.fleet", fleet)).stream().map(ContainerInfo::name).toList());
        containers.findAll().stream().filter(c -> c.name().startsWith(fleet + "-c")).forEach(c -> containers.delete(c.id()));
    }

    /** Removes every one of {@code names}; fails, once all were tried, when any is still there. */
    private void removeAll(List<String> names) {
        List<String> left = new ArrayList<>();
        for (String name : names) {
            removed(name).ifPresent(left::add);
        }
        if (!left.isEmpty()) {
            throw new AntfleetException("bench converge: still there after " + REMOVE_ATTEMPTS + " removals each: "
                    + left + "; their ports would fail the next side's nodes");
        }
    }

    /**
     * Removes the container and its named volume (the gateway removes the named volumes a container mounts), made
     * sure of: the next side's container of the same index binds the same ports, so one left behind (a removal that
     * timed out on a busy host) would fail its nodes. Asked up to {@value #REMOVE_ATTEMPTS} times.
     *
     * @return empty once it is gone, else the container and the last error
     */
    private java.util.Optional<String> removed(String name) {
        String last = "";
        for (int attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
            try {
                docker.remove(name, true);
            } catch (DockerOperationException e) {
                last = e.getMessage(); // never created, already gone, or not yet: the inspect says which
            }
            if (docker.inspect(name).isEmpty()) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(name + " (" + last + ")");
    }
}
