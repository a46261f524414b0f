package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.VersionChanges;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.ScalableContainer;
import io.antfleet.fleet.decide.ObservedFleetState;
import io.antfleet.fleet.decide.ObservedNode;
import io.antfleet.fleet.spec.SpecContainer;
import io.antfleet.metrics.SweptNode;
import io.antfleet.metrics.SweepTarget;
import io.antfleet.nodemanager.VersionChange;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run loop's view of the fleet: the spec's containers from the store, which of them Docker reports
 * down ({@link DockerCheck}, one call), their nodes, and one concurrent metrics sweep of every node that
 * has a metrics port (not those of a container that is down: they cannot answer). Containers on a host whose
 * 127.0.0.1 is not ours ({@link ProbeRoute}) are read instead with one probe exec each ({@link ProbeObservation}),
 * which also brings that host's figures. The readings go
 * to the node rows and the history in one batched call; statuses change only as {@link StatusRule} allows.
 * Containers of {@code nodeManager: ant} have no metrics endpoint: {@link AntRegistryWatch} reads their
 * daemon's registry instead. An antnode that answers with another version than its row's moved without
 * antfleet (its self-upgrade; antfleet's own upgrades write the row): {@link VersionChanges} records it, the
 * row takes the new version, nothing is undone. With {@code persist} false (dry run) nothing is written.
 */
public final class RunObserver {
    private final ContainerRepository containers;
    private final NodeRepository nodes;
    private final NodeSweeper sweeper;
    private final DockerCheck docker;
    private final Clock clock;
    private final AntRegistryWatch ant;
    private final ProbeObservation probes;
    private final ProbeRoute route;
    private final VersionChanges versions;

    /** Without a watch of ant containers (their rows are kept as recorded) nor of versions; every container swept directly. */
    public RunObserver(ContainerRepository containers, NodeRepository nodes, NodeSweeper sweeper, DockerGateway docker,
            Clock clock) {
        this(containers, nodes, sweeper, docker, clock, null, null, ProbeRoute.NONE, null);
    }

    public RunObserver(ContainerRepository containers, NodeRepository nodes, NodeSweeper sweeper, DockerGateway docker,
            Clock clock, AntRegistryWatch ant) {
        this(containers, nodes, sweeper, docker, clock, ant, null, ProbeRoute.NONE, null);
    }

    /** Over the local engine alone: a container on another host is cut, its engine unknown. */
    public RunObserver(ContainerRepository containers, NodeRepository nodes, NodeSweeper sweeper, DockerGateway docker,
            Clock clock, AntRegistryWatch ant, ProbeObservation probes, ProbeRoute route, VersionChanges versions) {
        this(containers, nodes, sweeper, new DockerCheck(docker, containers, nodes), clock, ant, probes, route, versions);
    }

    /** Over every host's engine, each opened from its host row ({@link io.antfleet.docker.DockerGateways}). */
    @Inject
    public RunObserver(ContainerRepository containers, NodeRepository nodes, NodeSweeper sweeper,
            io.antfleet.docker.DockerGateways engines, Clock clock, AntRegistryWatch ant, ProbeObservation probes,
            ProbeRoute route, VersionChanges versions) {
        this(containers, nodes, sweeper, new DockerCheck((java.util.function.Function<String, DockerGateway>) engines::forHost,
                containers, nodes), clock, ant, probes, route, versions);
    }

    /** Over every host's engine: {@code engines} gives the gateway of a host by name (no version watch). */
    public RunObserver(ContainerRepository containers, NodeRepository nodes, NodeSweeper sweeper,
            java.util.function.Function<String, DockerGateway> engines, Clock clock, AntRegistryWatch ant,
            ProbeObservation probes, ProbeRoute route) {
        this(containers, nodes, sweeper, new DockerCheck(engines, containers, nodes), clock, ant, probes, route, null);
    }

    private RunObserver(ContainerRepository containers, NodeRepository nodes, NodeSweeper sweeper, DockerCheck docker,
            Clock clock, AntRegistryWatch ant, ProbeObservation probes, ProbeRoute route, VersionChanges versions) {
        this.ant = ant;
        this.probes = probes;
        this.route = requireNonNull(route, "route is null");
        this.versions = versions;
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.sweeper = requireNonNull(sweeper, "sweeper is null");
        this.docker = requireNonNull(docker, "docker is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Observation observe(RunTarget target, Instant hostBootTime, Instant lastCycleAt, boolean persist) {
        Map<String, Container> rows = new LinkedHashMap<>();
        Map<String, List<Node>> nodeRows = new LinkedHashMap<>();
        Map<String, String> hostOf = new LinkedHashMap<>();
        for (SpecContainer c : target.spec().containers()) {
            // on the spec's host only: another engine's container of the same Docker name is not this one
            containers.findByName(c.host(), target.spec().dockerName(c.name())).ifPresent(r -> {
                rows.put(r.name(), r);
                hostOf.put(r.name(), c.host());
            });
        }
        DockerView view = docker.check(target.spec().fleet(), rows.values(), hostOf, clock.instant(), persist);
        rows.forEach((name, r) -> nodeRows.put(name, nodes.findByContainer(r.id())));
        List<Node> swept = new ArrayList<>();
        List<SweepTarget> targets = new ArrayList<>();
        List<ProbeObservation.Probed> remote = new ArrayList<>();
        nodeRows.forEach((name, list) -> {
            if (view.down().containsKey(name) || !rows.get(name).processManager().isAntctl()) {
                return;
            }
            boolean throughProbe = probes != null && route.throughProbe(hostOf.get(name));
            if (throughProbe && view.cut().contains(name)) {
                return; // its engine did not answer: the probe cannot run there either
            }
            if (throughProbe) {
                remote.add(new ProbeObservation.Probed(rows.get(name), list, hostOf.get(name)));
                return;
            }
            list.stream().filter(RunObserver::sweepable).forEach(n -> {
                swept.add(n);
                targets.add(SweepTarget.local(name + "/" + n.service().value(), n.metricsPort()));
            });
        });
        List<SweptNode> probes = new ArrayList<>(targets.isEmpty() ? List.of() : sweeper.sweep(targets));
        Map<Long, SweptNode> byNode = new HashMap<>();
        for (int i = 0; i < swept.size(); i++) {
            byNode.put(swept.get(i).id(), probes.get(i));
        }
        ProbeObservation.Readings probed = remote.isEmpty() ? null : this.probes.read(remote);
        List<String> notes = new ArrayList<>();
        if (probed != null) {
            byNode.putAll(probed.byNode());
            probes.addAll(probed.byNode().values());
            notes.addAll(probed.notes());
        }
        Instant now = clock.instant();
        Map<String, List<Node>> updated = new LinkedHashMap<>(apply(nodeRows, byNode, now, persist));
        if (versions != null) {
            updated.replaceAll((name, list) -> versionsMoved(rows.get(name), list, byNode, now, persist, notes));
        }
        if (ant != null) {
            List<Container> antRows = rows.values().stream()
                    .filter(r -> !r.processManager().isAntctl() && !view.down().containsKey(r.name())).toList();
            ant.watchAll(antRows, updated, now, persist).forEach((name, w) -> {
                updated.put(name, w.nodes());
                notes.addAll(w.notes());
            });
        }
        List<ScalableContainer> observed = new ArrayList<>();
        for (Map.Entry<String, List<Node>> e : updated.entrySet()) {
            SpecContainer spec = target.byDockerName(e.getKey()).orElseThrow();
            observed.add(new ScalableContainer(e.getKey(), RunTarget.min(spec), RunTarget.max(spec),
                    e.getValue().stream().map(RunObserver::toObserved).toList(), view.actionable(e.getKey())));
        }
        int answering = (int) probes.stream().filter(SweptNode::isRunning).count();
        List<String> refused = probes.stream().filter(RunObserver::refused)
                .map(p -> p.target().id() + ": its answer was refused (" + p.failure() + "); the other nodes were read").toList();
        notes.addAll(refused);
        return new Observation(new ObservedFleetState(observed, hostBootTime, lastCycleAt), rows, updated,
                probes.size(), answering, view, notes, hostOf, probed == null ? Map.of() : probed.hosts(),
                probed == null ? 0 : probed.execs());
    }

    /** A node that answered, but with what antfleet does not keep (as opposed to one that did not answer). */
    static boolean refused(SweptNode probe) {
        String why = probe.failure();
        return why != null && (why.contains("invalid body") || why.contains("unusable answer") || why.contains("larger than")
                || why.contains("invalid chunk size") || why.contains("invalid Content-Length"));
    }

    private static boolean sweepable(Node n) {
        return n.metricsPort() != null && n.status() != NodeStatus.DEAD && n.status() != NodeStatus.DISABLED;
    }

    /** New statuses and readings; written (statuses one by one, readings batched) when {@code persist}. */
    private Map<String, List<Node>> apply(Map<String, List<Node>> nodeRows, Map<Long, SweptNode> probes, Instant now,
            boolean persist) {
        Map<Long, NodeReadings> readings = new HashMap<>();
        Map<String, List<Node>> out = new LinkedHashMap<>();
        nodeRows.forEach((name, list) -> {
            List<Node> next = new ArrayList<>();
            for (Node n : list) {
                SweptNode probe = probes.get(n.id());
                Node current = n;
                if (probe != null && probe.isRunning()) {
                    readings.put(n.id(), probe.readings());
                    current = current.withReadings(probe.readings());
                }
                NodeStatus status = probe == null ? n.status() : StatusRule.next(n, probe);
                if (status != n.status()) {
                    current = current.withStatus(status, now);
                    if (persist) {
                        nodes.updateStatus(n.id(), status, now);
                    }
                }
                next.add(current);
            }
            out.put(name, next);
        });
        if (persist && !readings.isEmpty()) {
            nodes.recordReadings(readings, now);
        }
        return out;
    }

    /**
     * The container's rows with the version each antctl node answered with, where that moved from the row's;
     * the moves no antfleet operation caused go to the decision log and the notes.
     */
    private List<Node> versionsMoved(Container container, List<Node> list, Map<Long, SweptNode> probes, Instant now,
            boolean persist, List<String> notes) {
        List<VersionChange> moved = new ArrayList<>();
        List<Node> out = new ArrayList<>();
        for (Node n : list) {
            SweptNode probe = probes.get(n.id());
            Optional<VersionChange> change = probe == null || !probe.isRunning() ? Optional.empty()
                    : VersionChange.of(n, probe.readings().version());
            change.ifPresent(moved::add);
            Node next = change.map(c -> n.withVersion(c.to())).orElse(n);
            if (persist && next != n) {
                nodes.update(next);
            }
            out.add(next);
        }
        notes.addAll(versions.record(container.name(), container.id(), container.processManager().nodeBinary(), moved, now,
                persist));
        return out;
    }

    /** The version a node runs: what its metrics said, else what antctl recorded. */
    static ObservedNode toObserved(Node n) {
        String version = n.readings().version() != null ? n.readings().version() : n.version();
        return new ObservedNode(n.service(), n.status(), version, n.readings(), n.createdAt(), n.statusChangedAt());
    }
}
