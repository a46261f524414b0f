package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.nodemanager.RegistryRows;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.nodemanager.UpgradeSummary;
import io.antfleet.nodemanager.VersionChange;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one path by which apply, run and the {@code node} commands change nodes, with the store kept in step
 * ({@link #change}): the journal entry first, then the check that this process holds the database lease,
 * then the change, then what it did to the node rows and the entry's completion in one unit of work. A
 * database that goes away meanwhile leaves the rows as they were and the entry PENDING (begun, outcome
 * unrecorded), never half of it. A failure marks the entry FAILED and leaves the rows as the node manager
 * left the nodes. An add writes its node rows the moment the registry names them, before anything else
 * happens (a crash after that point loses nothing).
 */
public final class NodeLifecycle {
    private final NodeManagers managers;
    private final NodeRepository nodes;
    private final OperationJournal journal;
    private final UnitOfWork unit;
    private final DatabaseLease lease;
    private final VersionChanges versions;
    private final Clock clock;

    @Inject
    public NodeLifecycle(NodeManagers managers, NodeRepository nodes, OperationJournal journal, UnitOfWork unit,
            DatabaseLease lease, VersionChanges versions, Clock clock) {
        this.versions = requireNonNull(versions, "versions is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.journal = requireNonNull(journal, "journal is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Adds (does not start) nodes; returns their rows. Rows of nodes added before a partial failure stay. */
    public List<Node> add(Container container, AddNodesRequest request) {
        requireRow(container);
        NodeManager manager = managers.forContainer(container);
        List<? extends RegisteredNode> added = change("add", container.id(), List.of(), () -> manager.add(request,
                fresh -> record(container, fresh)),
                result -> result.stream().map(n -> n.service().value()).toList(), result -> { });
        return added.stream().map(n -> nodes.find(container.id(), n.service()).orElseThrow()).toList();
    }

    public void start(Container container, List<ServiceName> services) {
        setStatus("start", container, services, NodeStatus.RUNNING, () -> managers.forContainer(container).start(services));
    }

    public void stop(Container container, List<ServiceName> services) {
        setStatus("stop", container, services, NodeStatus.STOPPED, () -> managers.forContainer(container).stop(services));
    }

    public void restart(Container container, List<ServiceName> services) {
        setStatus("restart", container, services, NodeStatus.RUNNING,
                () -> managers.forContainer(container).restart(services));
    }

    /** Stops and removes; the rows stay, DEAD, as antctl keeps the entries as Removed. */
    public void remove(Container container, List<ServiceName> services, boolean keepDirectories) {
        setStatus("remove", container, services, NodeStatus.DEAD,
                () -> managers.forContainer(container).remove(services, keepDirectories));
    }

    /** @throws AntfleetException when the container's node manager has no in-place upgrade */
    public UpgradeSummary upgrade(Container container, UpgradeNodesRequest request) {
        requireRow(container);
        NodeManager.NodeUpgrader upgrader = managers.forContainer(container).upgrader().orElseThrow(() ->
                new AntfleetException("the node manager of container " + container.name() + " cannot upgrade nodes in place"));
        List<String> names = request.services().stream().map(ServiceName::value).toList();
        return change("upgrade", container.id(), names, () -> upgrader.upgrade(request),
                result -> names, result -> {
                    for (UpgradeOutcome o : result.outcomes()) {
                        if (o.toVersion() != null) {
                            nodes.find(container.id(), o.service()).ifPresent(n -> nodes.update(n.withVersion(o.toVersion())));
                        }
                    }
                });
    }

    /** The manager's reset; the registry is gone, so are the container's node rows. */
    public void teardown(Container container) {
        requireRow(container);
        change("teardown", container.id(), List.of(), () -> {
            managers.forContainer(container).reset();
            return null;
        }, result -> List.of(), result -> nodes.findByContainer(container.id()).forEach(n -> nodes.delete(n.id())));
    }

    private void setStatus(String intent, Container container, List<ServiceName> services, NodeStatus after,
            Runnable action) {
        requireRow(container);
        List<String> names = services.stream().map(ServiceName::value).toList();
        change(intent, container.id(), names, () -> {
            action.run();
            return null;
        }, result -> names, result -> {
            Instant now = clock.instant();
            services.forEach(s -> nodes.find(container.id(), s).ifPresent(n -> nodes.updateStatus(n.id(), after, now)));
        });
    }

    /**
     * The path every node change takes: begins the journal entry, checks the lease, runs, then in one unit
     * of work records the result in the rows and completes the entry with the services produced or touched
     * (or fails it). A journal that cannot record the failure (the database away) leaves the entry PENDING;
     * the action's own error is the one raised.
     *
     * @param containerId the container's row, null for a container not recorded yet
     * @throws AntfleetException when this process does not hold the database lease (nothing was changed)
     */
    public <T> T change(String intent, Long containerId, List<String> services, Supplier<T> action,
            Function<T, List<String>> touched, Consumer<T> recordRows) {
        Operation op = journal.begin(intent, containerId, services);
        T result;
        try {
            requireLease(intent);
            result = action.get();
        } catch (RuntimeException e) {
            try {
                journal.fail(op.id(), String.valueOf(e.getMessage()));
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            throw e;
        }
        unit.run(() -> {
            recordRows.accept(result);
            journal.complete(op.id(), touched.apply(result));
        });
        return result;
    }

    private static void requireRow(Container container) {
        if (container.id() == null) {
            throw new IllegalArgumentException("container " + container.name() + " has no database row yet; "
                    + "record it (or import it) before changing its nodes");
        }
    }

    /**
     * A registry's entries into the container's rows by {@link RegistryRows}'s rule: the entries a manager
     * has just added, or its whole registry after a change. A version no antfleet operation set is recorded
     * ({@link VersionChanges}) and kept.
     */
    public void record(Container container, List<? extends RegisteredNode> entries) {
        requireRow(container);
        long containerId = container.id();
        Instant now = clock.instant();
        List<VersionChange> moved = new ArrayList<>();
        unit.run(() -> {
            moved.clear(); // a unit may run again (a conflict with a concurrent transaction)
            // one read of the container's rows and one batch of writes, not two round trips per node
            Map<ServiceName, Node> stored = new HashMap<>();
            nodes.findByContainer(containerId).forEach(n -> stored.put(n.service(), n));
            List<Node> rows = new ArrayList<>();
            for (RegisteredNode n : entries) {
                Optional<Node> old = Optional.ofNullable(stored.get(n.service()));
                RegistryRows.versionChange(n, old).ifPresent(moved::add);
                Node row = RegistryRows.row(containerId, n, old, now);
                if (!old.equals(Optional.of(row))) {
                    rows.add(row);
                }
            }
            nodes.writeAll(rows);
        });
        versions.record(container.name(), containerId, container.processManager().nodeBinary(), moved, now);
    }

    /** Nodes change only under the lease: the holder must be this process (apply, run, node, teardown). */
    private void requireLease(String intent) {
        boolean held = lease.current().flatMap(h -> LeaseHolderProcess.parse(h.holder()))
                .filter(p -> p.equals(LeaseHolderProcess.ofThisProcess(p.role()))).isPresent();
        if (!held) {
            throw new AntfleetException("no node was changed (" + intent + "): this process does not hold the database lease"
                    + lease.current().map(h -> " (" + h.holder() + " does)").orElse(""));
        }
    }
}
