package io.antfleet.engine;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.nodemanager.RegistryRows;
import io.antfleet.nodemanager.VersionChange;
import io.antfleet.store.NodeRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a node manager's registry entries of one container as node rows (by {@link RegistryRows}'s
 * rule), unique on (container, service). The number comes from the service name, so the registry's gaps
 * are kept; rows the registry no longer lists become DEAD; a version no antfleet operation set is recorded
 * ({@link VersionChanges}).
 */
final class NodeRows {
    /** @param versionNotes the version changes antfleet did not cause, one line per node */
    record Result(List<ImportReport.ImportedNode> nodes, List<String> markedDead, List<String> versionNotes) {
    }

    private final NodeRepository nodes;
    private final VersionChanges versions;

    NodeRows(NodeRepository nodes, VersionChanges versions) {
        this.nodes = nodes;
        this.versions = versions;
    }

    Result write(Container container, List<? extends RegisteredNode> surveyed, Instant now) {
        long containerId = container.id();
        // One read of the container's rows and one transaction of upserts, not two round trips per node
        List<Node> before = nodes.findRegistryRows(containerId);
        Map<ServiceName, Node> existing = new HashMap<>();
        before.forEach(n -> existing.put(n.service(), n));
        Set<ServiceName> seen = new HashSet<>();
        List<Node> rows = new ArrayList<>();
        List<VersionChange> moved = new ArrayList<>();
        for (RegisteredNode n : surveyed) {
            seen.add(n.service());
            Optional<Node> old = Optional.ofNullable(existing.get(n.service()));
            RegistryRows.versionChange(n, old).ifPresent(moved::add);
            rows.add(RegistryRows.row(containerId, n, old, now));
        }
        List<String> notes = versions.record(container.name(), containerId, container.processManager().nodeBinary(),
                moved, now);
        List<Node> stored = upsertChanged(rows, existing);
        List<ImportReport.ImportedNode> written = new ArrayList<>();
        for (int i = 0; i < surveyed.size(); i++) {
            RegisteredNode n = surveyed.get(i);
            written.add(new ImportReport.ImportedNode(n.service().value(), n.number(), stored.get(i).status(),
                    n.managerStatus(), n.nodePort(), n.metricsPort(), n.rpcPort(), n.peerId(), n.version(), n.problem()));
        }
        List<String> dead = new ArrayList<>();
        // rows this write inserted are all in seen: the rows read before are every row that may be dead
        for (Node old : before) {
            if (!seen.contains(old.service()) && old.status() != NodeStatus.DEAD) {
                nodes.updateStatus(old.id(), NodeStatus.DEAD, now);
                dead.add(old.service().value());
            }
        }
        return new Result(written, dead, notes);
    }

    /**
     * Writes the rows that differ from what the store holds (a re-import of an unchanged registry writes none);
     * returns every row as stored, in order.
     */
    private List<Node> upsertChanged(List<Node> rows, Map<ServiceName, Node> existing) {
        List<Node> changed = rows.stream().filter(r -> !r.equals(existing.get(r.service()))).toList();
        Map<ServiceName, Node> written = new HashMap<>();
        nodes.upsertAll(changed).forEach(n -> written.put(n.service(), n));
        return rows.stream().map(r -> written.getOrDefault(r.service(), r)).toList();
    }

    /** Running (and restarting, upgrading) nodes of a container that is down become STOPPED. */
    void markStopped(long containerId, Instant now) {
        for (Node old : nodes.findByContainer(containerId)) {
            if (old.status() == NodeStatus.RUNNING || old.status() == NodeStatus.RESTARTING
                    || old.status() == NodeStatus.UPGRADING) {
                nodes.updateStatus(old.id(), NodeStatus.STOPPED, now);
            }
        }
    }
}
