package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.ant.AntNode;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.engine.VersionChanges;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.nodemanager.VersionChange;
import io.antfleet.probe.ProbeDocument;
import io.antfleet.probe.ProbedNode;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.DecisionRecord;
import io.antfleet.store.NodeRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The run loop's reading of a {@code nodeManager: ant} container (its nodes have no metrics endpoint): the
 * daemon's registry and status, one survey per cycle, through the node-manager port. ant-node upgrades itself
 * (ant-v2-contract.md §5.4): a version antfleet did not set is recorded on the row and in the decision log
 * ({@link VersionChanges}, the rule antctl nodes follow too), never undone. A node antfleet keeps running that the daemon reports stopped or errored (an adopted node
 * after its self-upgrade, §3.8; one that crashed five times, §3.6), or that has sat in
 * {@code upgrade_scheduled} with a dead pid for more than {@link #STUCK}, is started again (§7 #1, #4); a
 * stopped one only once it has stayed stopped past the daemon's own respawn ({@link #RESPAWN_WINDOW}), so that
 * antfleet never races the daemon's backoff.
 * Nothing is written or started when {@code persist} is false (a dry run).
 */
public final class AntRegistryWatch {
    static final Duration STUCK = Duration.ofMinutes(2);
    /** The daemon's longest crash backoff (32 s) plus its 5 s liveness poll (§3.6): a node stopped longer is not being respawned. */
    static final Duration RESPAWN_WINDOW = Duration.ofSeconds(37);

    private final NodeManagers managers;
    private final NodeRepository nodes;
    private final NodeLifecycle lifecycle;
    private final DecisionLog log;
    private final AntReadings readings;
    private final WatchPool pool;
    private final VersionChanges versions;
    private final Map<String, Instant> stuckSince = new ConcurrentHashMap<>();

    /** What the registry changed: the rows as they now are, and what the cycle should say about it. */
    record Watched(List<Node> nodes, List<String> notes) {
    }

    /** Without readings (the rows keep what they have; for tests of the registry alone). */
    public AntRegistryWatch(NodeManagers managers, NodeRepository nodes, NodeLifecycle lifecycle, DecisionLog log,
            VersionChanges versions) {
        this(managers, nodes, lifecycle, log, versions, null);
    }

    /** Containers watched one after another. */
    public AntRegistryWatch(NodeManagers managers, NodeRepository nodes, NodeLifecycle lifecycle, DecisionLog log,
            VersionChanges versions, AntReadings readings) {
        this(managers, nodes, lifecycle, log, versions, readings, WatchPool.sequential());
    }

    /** Containers watched at once on {@code pool}'s threads ({@link #watchAll}). */
    @Inject
    public AntRegistryWatch(NodeManagers managers, NodeRepository nodes, NodeLifecycle lifecycle, DecisionLog log,
            VersionChanges versions, AntReadings readings, WatchPool pool) {
        this.readings = readings;
        this.versions = requireNonNull(versions, "versions is null");
        this.pool = requireNonNull(pool, "pool is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * {@link #watch} of each container, all at once on the pool (each container's own calls stay in order: its
     * node manager serialises them); the results by container name, in the order of {@code containers}.
     */
    Map<String, Watched> watchAll(List<Container> containers, Map<String, List<Node>> rows, Instant now, boolean persist) {
        List<Callable<Watched>> tasks = new ArrayList<>(containers.size());
        containers.forEach(c -> tasks.add(() -> watch(c, rows.get(c.name()), now, persist)));
        List<Watched> watched = pool.all(tasks);
        Map<String, Watched> byName = new LinkedHashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            byName.put(containers.get(i).name(), watched.get(i));
        }
        return byName;
    }

    /**
     * The container's probe first (one exec); when it shows the rows {@link #settled}, the daemon's registry and
     * status (two more execs) could tell nothing new and are not read; otherwise they are, as below.
     */
    Watched watch(Container container, List<Node> rows, Instant now, boolean persist) {
        List<String> notes = new ArrayList<>();
        Optional<ProbeDocument> probed = readings == null ? Optional.empty() : readings.probe(container, notes);
        if (probed.isPresent() && settled(container, rows, probed.get())) {
            return new Watched(readings.read(container, rows, probed.get(), now, notes, persist), notes);
        }
        List<Node> out = surveyed(container, rows, now, notes, persist);
        if (probed.isPresent()) {
            out = readings.read(container, out, probed.get(), now, notes, persist);
        }
        return new Watched(out, notes);
    }

    /**
     * Whether the daemon's registry and status can change nothing this cycle: no node of the container is being
     * waited on, and every row this watch keeps an eye on is RUNNING with a live process running the version on the
     * row. A node that died, was restarted by the daemon with another binary, upgraded itself or is stopped is not
     * settled, and the registry is read.
     */
    private boolean settled(Container container, List<Node> rows, ProbeDocument probe) {
        String prefix = container.id() + "/";
        if (stuckSince.keySet().stream().anyMatch(k -> k.startsWith(prefix))) {
            return false;
        }
        for (Node row : rows) {
            if (!isWatched(row.status())) {
                continue;
            }
            Optional<ProbedNode> seen = probe.node(row.service().value());
            if (row.status() != NodeStatus.RUNNING || seen.isEmpty() || !seen.get().alive() || row.version() == null
                    || !row.version().equals(seen.get().readings().version())) {
                return false;
            }
        }
        return true;
    }

    /** The rows as the daemon's registry and status have them, nodes it gave up on started again. */
    private List<Node> surveyed(Container container, List<Node> rows, Instant now, List<String> notes, boolean persist) {
        List<? extends RegisteredNode> surveyed;
        try {
            surveyed = managers.forContainer(container).survey();
        } catch (AntfleetException e) {
            notes.add(container.name() + ": ant's registry could not be read, its rows are kept: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return rows;
        }
        Map<ServiceName, RegisteredNode> byService = surveyed.stream()
                .collect(Collectors.toMap(RegisteredNode::service, Function.identity(), (a, b) -> a));
        List<DecisionRecord> records = new ArrayList<>();
        List<ServiceName> revive = new ArrayList<>();
        List<Node> out = new ArrayList<>();
        for (Node row : rows) {
            RegisteredNode entry = byService.get(row.service());
            Node next = row;
            if (entry != null && entry.isUsable() && isWatched(row.status())) {
                next = upgraded(container, row, entry, now, notes, persist);
                if (needsStart(container, row, entry, now)) {
                    revive.add(row.service());
                } else if (entry.status() != next.status()) {
                    next = next.withStatus(entry.status(), now);
                    if (persist) {
                        nodes.updateStatus(row.id(), entry.status(), now);
                    }
                }
            }
            out.add(next);
        }
        if (!revive.isEmpty()) {
            records.add(revive(container, revive, now, notes, persist));
        }
        if (persist && !records.isEmpty()) {
            log.record(records);
        }
        return out;
    }

    private static boolean isWatched(NodeStatus status) {
        return status == NodeStatus.RUNNING || status == NodeStatus.STOPPED || status == NodeStatus.UNKNOWN;
    }

    /**
     * The row with the version ant-node now runs, when that moved: recorded by {@link VersionChanges} when no
     * antfleet operation did it (noted once: the row then carries it), never undone.
     */
    private Node upgraded(Container container, Node row, RegisteredNode entry, Instant now, List<String> notes,
            boolean persist) {
        Optional<VersionChange> moved = VersionChange.of(row, entry.version());
        if (moved.isEmpty()) {
            return row;
        }
        notes.addAll(versions.record(container.name(), container.id(), container.processManager().nodeBinary(),
                List.of(moved.get()), now, persist));
        Node next = row.withVersion(entry.version());
        if (persist) {
            nodes.update(next);
        }
        return next;
    }

    /**
     * Whether antfleet wants the node running (its row says RUNNING, or said so when the daemon was first seen
     * to stop it) and the daemon has given up on it: errored at once; stopped past {@link #RESPAWN_WINDOW};
     * upgrade_scheduled with a dead pid for more than {@link #STUCK} (never while its pid lives).
     */
    private boolean needsStart(Container container, Node row, RegisteredNode entry, Instant now) {
        String key = container.id() + "/" + entry.service();
        boolean deadUpgrade = entry instanceof AntNode && "upgrade_scheduled".equals(entry.managerStatus())
                && ((AntNode) entry).pid() == null;
        if (entry.status() == NodeStatus.RUNNING && !deadUpgrade) {
            stuckSince.remove(key);
            return false;
        }
        Instant since = stuckSince.get(key);
        boolean wanted = row.status() == NodeStatus.RUNNING || since != null && row.status() == NodeStatus.STOPPED
                && row.statusChangedAt() != null && !row.statusChangedAt().isAfter(since);
        if (!wanted) {
            stuckSince.remove(key);
            return false;
        }
        if (since == null) {
            since = now;
            stuckSince.put(key, now);
        }
        Duration waited = Duration.between(since, now);
        if ("errored".equals(entry.managerStatus())) {
            return true;
        }
        return deadUpgrade ? waited.compareTo(STUCK) > 0 : waited.compareTo(RESPAWN_WINDOW) >= 0;
    }

    private DecisionRecord revive(Container container, List<ServiceName> services, Instant now, List<String> notes,
            boolean persist) {
        String reason = "the ant daemon left them stopped while antfleet runs them (after a self-upgrade, crashes or a "
                + "stuck upgrade_scheduled): started again";
        notes.add(container.name() + " " + services + ": " + reason);
        List<String> names = services.stream().map(ServiceName::value).toList();
        if (!persist) {
            return new DecisionRecord(null, now, "START", container.name(), container.id(), names, names.size(), reason, "NOT_RUN", null);
        }
        try {
            lifecycle.start(container, services);
            services.forEach(s -> stuckSince.remove(container.id() + "/" + s));
            return new DecisionRecord(null, now, "START", container.name(), container.id(), names, names.size(), reason, "DONE", null);
        } catch (AntfleetException e) {
            return new DecisionRecord(null, now, "START", container.name(), container.id(), names, names.size(), reason, "FAILED",
                    e.getMessage());
        }
    }
}
