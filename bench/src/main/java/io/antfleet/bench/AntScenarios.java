package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.engine.run.CycleReport;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunTarget;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.probe.DockerContainerProbe;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Autonomi v2 scenarios, on {@code nodeManager: ant} fleets of the ant image. {@code converge-ant}:
 * {@code antfleet apply} from nothing to C containers x N running nodes, against the floor of the steps any
 * orchestrator must take, per container and all containers at once: create and start the container,
 * {@code ant node daemon start}, {@code ant node add} with explicit ports, {@code ant node start}.
 * {@code idle-cycle-ant}: an idle {@code run} cycle over an applied fleet ({@link IdleCycleScenario}).
 * Both sides run the image as it is (the same stand-in settings); node ports FIRST.., N per container.
 */
public final class AntScenarios {
    static final String CONVERGE = "converge-ant";
    static final String IDLE_CYCLE = "idle-cycle-ant";
    /** Rounds of converge-ant ({@link Rounds}: which side goes first alternates). */
    static final int ROUNDS = 3;
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    /** The ant-node binary the image ships (agent-image/README.md), given by path as the quick start does. */
    private static final String ANTNODE = "/opt/ant-node/0.14.2/ant-node";
    /** The image user's home, where ant keeps its registry and node data: the volume, as apply mounts it. */
    private static final String HOME = "/home/ant";

    private final DockerGateway docker;
    private final ApplyService apply;
    private final RunLoop loop;
    private final ContainerRepository containers;
    private final NodeRepository nodes;

    AntScenarios(DockerGateway docker, ApplyService apply, RunLoop loop, ContainerRepository containers,
            NodeRepository nodes) {
        this.docker = requireNonNull(docker, "docker is null");
        this.apply = requireNonNull(apply, "apply is null");
        this.loop = requireNonNull(loop, "loop is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
    }

    List<ScenarioResult> run(BenchSettings settings, int convergeNodes, PrintWriter progress) {
        List<ScenarioResult> results = new ArrayList<>();
        if (settings.scenarios().contains(CONVERGE)) {
            progress.println("bench: " + CONVERGE + ": " + settings.containers() + " containers x " + convergeNodes
                    + " nodes (" + settings.antImage() + "), " + ROUNDS + " rounds");
            progress.flush();
            results.add(converge(settings.containers(), convergeNodes, settings.firstPort(), settings.antImage(), progress));
        }
        if (settings.scenarios().contains(IDLE_CYCLE)) {
            progress.println("bench: " + IDLE_CYCLE + ": " + settings.containers() + " containers x "
                    + settings.nodesPerContainer() + " nodes, applying them");
            progress.flush();
            results.add(idleCycle(settings));
        }
        return results;
    }

    ScenarioResult converge(int containers, int nodes, int firstPort, String image, PrintWriter progress) {
        Rounds rounds = Rounds.run(CONVERGE, ROUNDS, docker,
                () -> applied(UUID.randomUUID().toString().substring(0, 6), containers, nodes, firstPort, image),
                () -> floor(UUID.randomUUID().toString().substring(0, 6), containers, nodes, firstPort, image), progress);
        return rounds.result(CONVERGE, ConvergeScenario.TARGET_RATIO, String.format(Locale.ROOT, "empty to %d containers "
                + "x %d ant-node nodes running (nodeManager: ant), the image as it is on both sides: antfleet apply median "
                + "%.2f s; floor (per container at once: create + ant node daemon start + ant node add --node-port + ant "
                + "node start) median %.2f s; %s; %s", containers, nodes, rounds.medianAntfleet(), rounds.medianFloor(),
                rounds.summary(), rounds.execsPerContainer(containers)));
    }

    /** {@code antfleet apply} of a fresh fleet, timed; the fleet is removed after (not timed). */
    private Rounds.Timing applied(String run, int containers, int nodes, int firstPort, String image) {
        String fleet = "bench-" + run + "-af";
        FleetSpec spec = spec(fleet, containers, nodes, firstPort, image);
        try {
            ApplyReport[] report = new ApplyReport[1];
            Rounds.Timing timing = Rounds.time(() -> report[0] = apply.apply(spec, false));
            if (!report[0].ok()) {
                throw new AntfleetException("bench " + CONVERGE + ": apply failed: " + report[0].containers());
            }
            return timing;
        } finally {
            removeFleet(fleet);
        }
    }

    private double floor(String run, int containers, int nodes, int firstPort, String image) {
        List<String> names = new ArrayList<>();
        try {
            List<List<Floor.Step>> chains = new ArrayList<>();
            for (int i = 0; i < containers; i++) {
                String name = "bench-" + run + "-floor" + i;
                names.add(name);
                chains.add(floorChain(name, image, nodes, firstPort + i * nodes));
            }
            return new Floor(docker).chains(chains);
        } finally {
            names.forEach(this::removeContainer);
        }
    }

    /** What any orchestrator does for one container, with explicit ports as antfleet gives them. */
    private static List<Floor.Step> floorChain(String name, String image, int nodes, int port) {
        ContainerSpec container = new ContainerSpec(name, image, Map.of(BenchFleet.LABEL, "true"), "host",
                name + "-data", HOME, null, null);
        return List.of(
                d -> d.createAndStart(container),
                Floor.exec(name, List.of("ant", "node", "daemon", "start", "--json")),
                Floor.exec(name, List.of("ant", "node", "add", "--json", "--rewards-address", WALLET, "--count",
                        Integer.toString(nodes), "--node-port", port + "-" + (port + nodes - 1), "--path", ANTNODE)),
                Floor.exec(name, List.of("ant", "node", "start", "--json")));
    }

    /** One idle run cycle over an applied fleet (applied untimed, removed after). */
    private ScenarioResult idleCycle(BenchSettings settings) {
        String fleet = "bench-" + UUID.randomUUID().toString().substring(0, 6) + "-idle";
        try {
            FleetSpec spec = spec(fleet, settings.containers(), settings.nodesPerContainer(), settings.firstPort(),
                    settings.antImage());
            ApplyReport report = apply.apply(spec, false);
            if (!report.ok()) {
                throw new AntfleetException("bench " + IDLE_CYCLE + ": apply failed: " + report.containers());
            }
            AutoscaleSettings autoscale = AutoscaleSettings.defaults(Runtime.getRuntime().availableProcessors())
                    .withNodeCap(settings.nodes());
            List<String> names = spec.containers().stream().map(c -> spec.dockerName(c.name())).toList();
            ScenarioResult cycle = IdleCycleScenario.over(IDLE_CYCLE, loop, new RunTarget(spec, autoscale),
                    (seen, expected) -> checkIdle(seen, expected, names), IdleCycleScenario.Target.ANT).run(settings.nodes());
            return withProbeFloor(cycle, names);
        } finally {
            removeFleet(fleet);
        }
    }

    /**
     * The floor of reading an ant fleet: one {@code antfleet-probe} exec per container, all at once (the median
     * of {@link IdleCycleScenario#ROUNDS}). The targets stay absolute; the ratio shows what the cycle adds.
     */
    private ScenarioResult withProbeFloor(ScenarioResult cycle, List<String> containers) {
        Floor floor = new Floor(docker);
        List<Floor.Step> probes = containers.stream()
                .map(c -> Floor.exec(c, List.of(DockerContainerProbe.PROGRAM))).toList();
        double[] seconds = new double[IdleCycleScenario.ROUNDS];
        for (int r = 0; r < seconds.length; r++) {
            seconds[r] = floor.parallel(probes);
        }
        double f = IdleCycleScenario.median(seconds);
        return new ScenarioResult(cycle.name(), cycle.antfleetSeconds(), ScenarioResult.round(f),
                ScenarioResult.round(cycle.antfleetSeconds() / f), cycle.target(), cycle.met(),
                cycle.measured() + String.format(Locale.ROOT, "; floor (one %s exec per container, all at once) "
                        + "median %.3f s", DockerContainerProbe.PROGRAM, f), cycle.cpuSeconds(), cycle.peakRssMb());
    }

    /**
     * An ant cycle sweeps no metrics port (§5.1: ant-node binds none); its nodes are read by one probe exec per
     * container, and a probe that fails or is refused leaves a note. Idle: nothing decided, no note, and every
     * node's row says running. Returns the running rows.
     */
    private int checkIdle(CycleReport report, int expected, List<String> containers) {
        IdleCycleScenario.checkNothingDecided(report);
        if (!report.notes().isEmpty()) {
            throw new AntfleetException("bench " + IDLE_CYCLE + ": the cycle noted " + report.notes());
        }
        int running = 0;
        for (String name : containers) {
            long id = this.containers.findByName(HostSpec.LOCAL, name).orElseThrow(
                    () -> new AntfleetException("bench " + IDLE_CYCLE + ": no row for " + name)).id();
            running += (int) nodes.findByContainer(id).stream().filter(n -> n.status() == NodeStatus.RUNNING).count();
        }
        if (running != expected) {
            throw new AntfleetException("bench " + IDLE_CYCLE + ": " + running + " of " + expected + " nodes running");
        }
        return running;
    }

    static FleetSpec spec(String fleet, int containers, int nodes, int firstPort, String image) {
        StringBuilder text = new StringBuilder();
        text.append("apiVersion: antfleet/v1\nfleet: ").append(fleet).append("\nimage: ").append(image)
                .append("\nnodeManager: ant\nrewardsAddress: \"").append(WALLET).append("\"\n")
                .append("antnode: {path: ").append(ANTNODE).append("}\n")
                .append("ports: {node: ").append(firstPort).append(", metrics: ").append(firstPort + 1000)
                .append(", rpc: ").append(firstPort + 2000).append(", blockSize: ").append(nodes).append("}\n")
                .append("containers:\n");
        for (int i = 0; i < containers; i++) {
            text.append("  - name: c").append(i).append("\n    nodes: ").append(nodes).append('\n');
        }
        return new SpecLoader().parse("bench-ant.yaml", text.toString());
    }

    private void removeFleet(String fleet) {
        for (ContainerInfo c : docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            removeContainer(c.name());
        }
    }

    /** The container and its named volume (the gateway removes the named volumes a container mounts). */
    private void removeContainer(String name) {
        try {
            docker.remove(name, true);
        } catch (DockerOperationException e) {
            // never created, or already gone
        }
    }
}
