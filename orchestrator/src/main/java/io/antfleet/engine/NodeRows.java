package io.antfleet.engine;

import io.antfleet.antctl.AntctlNode;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
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
 * Writes antctl's registry entries of one container as node rows, unique on (container, service).
 * The number comes from the service name, so antctl's gaps are kept. An operator's DISABLED survives a
 * re-import unless antctl says the node is Removed.
 */
final class NodeRows {
    record Result(List<ImportReport.ImportedNode> nodes, List<String> markedDead) {
    }

    private final NodeRepository nodes;

    NodeRows(NodeRepository nodes) {
        this.nodes = nodes;
    }

    Result write(long containerId, List<AntctlNode> surveyed, Instant now) {
        // One read of the container's rows and one transaction of upserts, not two round trips per node
        List<Node> before = nodes.findByContainer(containerId);
        Map<ServiceName, Node> existing = new HashMap<>();
        before.forEach(n -> existing.put(n.service(), n));
        Set<ServiceName> seen = new HashSet<>();
        List<Node> rows = new ArrayList<>();
        for (AntctlNode n : surveyed) {
            seen.add(n.service());
            rows.add(toRow(containerId, n, Optional.ofNullable(existing.get(n.service())), now));
        }
        List<Node> stored = nodes.upsertAll(rows);
        List<ImportReport.ImportedNode> written = new ArrayList<>();
        for (int i = 0; i < surveyed.size(); i++) {
            AntctlNode n = surveyed.get(i);
            written.add(new ImportReport.ImportedNode(n.service().value(), n.number(), stored.get(i).status(),
                    n.antctlStatus(), n.nodePort(), n.metricsPort(), n.rpcPort(), n.peerId(), n.version(), n.problem()));
        }
        List<String> dead = new ArrayList<>();
        // rows this write inserted are all in seen: the rows read before are every row that may be dead
        for (Node old : before) {
            if (!seen.contains(old.service()) && old.status() != NodeStatus.DEAD) {
                nodes.updateStatus(old.id(), NodeStatus.DEAD, now);
                dead.add(old.service().value());
            }
        }
        return new Result(written, dead);
    }

    /**
     * An entry whose values were refused: UNKNOWN, keeping what was recorded of it before (an operator's
     * DISABLED stays), so one broken entry neither erases a node nor invents one.
     */
    private static Node unusable(long containerId, AntctlNode n, Optional<Node> existing, Instant now) {
        if (existing.isEmpty()) {
            return new Node(null, containerId, n.service(), NodeStatus.UNKNOWN, null, null, null, null, null, null, null,
                    null, null, null, now, now);
        }
        Node old = existing.get();
        NodeStatus status = old.status() == NodeStatus.DISABLED ? NodeStatus.DISABLED : NodeStatus.UNKNOWN;
        return status == old.status() ? old : old.withStatus(status, now);
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

    private static Node toRow(long containerId, AntctlNode n, Optional<Node> existing, Instant now) {
        if (!n.isUsable()) {
            return unusable(containerId, n, existing, now);
        }
        NodeStatus status = n.status();
        if (existing.isPresent() && existing.get().status() == NodeStatus.DISABLED && !n.removed()) {
            status = NodeStatus.DISABLED;
        }
        Node old = existing.orElse(null);
        Instant changedAt = old != null && old.status() == status ? old.statusChangedAt() : now;
        return new Node(old == null ? null : old.id(), containerId, n.service(), status, n.nodePort(), n.metricsPort(),
                n.rpcPort(), n.dataDir(), n.logDir(), n.antnodePath(), n.version(), n.peerId(), n.rewardsAddress(),
                old == null ? null : old.readings(), old == null ? now : old.createdAt(), changedAt);
    }
}
