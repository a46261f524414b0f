package io.antfleet.nodemanager;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The one rule that turns a node manager's registry entry into a node row, for every caller (apply, run,
 * import, status and the {@code node} commands): the manager's status wins, except that an operator's
 * DISABLED survives until the manager reports the node removed; the row keeps its id, readings and
 * creation time; {@code statusChangedAt} moves only when the status does. An entry whose values were
 * refused ({@link RegisteredNode#isUsable()}) is UNKNOWN and keeps what was recorded of it (an operator's
 * DISABLED too), so one broken entry neither erases a node nor invents one. The entry's version replaces the
 * row's; where they differ, {@link #versionChange} names the move, for the engine to tell antfleet's own
 * upgrades from the node's self-upgrade.
 */
public final class RegistryRows {
    private RegistryRows() {
    }

    /**
     * The row to write for {@code entry} in container {@code containerId} at {@code now}, over the row the
     * store has for it (if any).
     */
    public static Node row(Long containerId, RegisteredNode entry, Optional<Node> existing, Instant now) {
        requireNonNull(now, "now is null");
        if (!entry.isUsable()) {
            return existing.map(old -> keptAsUnknown(old, now)).orElseGet(() -> unknown(containerId, entry, now));
        }
        NodeStatus status = status(entry, existing);
        Node old = existing.orElse(null);
        Instant changedAt = old != null && old.status() == status && old.statusChangedAt() != null
                ? old.statusChangedAt() : now;
        Instant createdAt = old != null && old.createdAt() != null ? old.createdAt() : now;
        return node(containerId, entry, status, old, createdAt, changedAt);
    }

    /**
     * The node as observed, for a plan or a status report (nothing is written): as {@link #row}, but the
     * times are the stored row's, null for an entry the store has no row for yet.
     */
    public static Node view(RegisteredNode entry, Optional<Node> existing) {
        if (!entry.isUsable()) {
            return existing.map(old -> keptAsUnknown(old, old.statusChangedAt())).orElseGet(() -> unknown(null, entry, null));
        }
        NodeStatus status = status(entry, existing);
        Node old = existing.orElse(null);
        return node(old == null ? null : old.containerId(), entry, status, old, old == null ? null : old.createdAt(),
                old == null ? null : old.statusChangedAt());
    }

    /** The entry's version against the row's, when the entry is usable and both are known and differ. */
    public static Optional<VersionChange> versionChange(RegisteredNode entry, Optional<Node> existing) {
        if (!entry.isUsable() || existing.isEmpty()) {
            return Optional.empty();
        }
        return VersionChange.of(existing.get(), entry.version());
    }

    private static Node keptAsUnknown(Node old, Instant at) {
        return old.status() == NodeStatus.DISABLED || old.status() == NodeStatus.UNKNOWN ? old
                : old.withStatus(NodeStatus.UNKNOWN, at);
    }

    private static Node unknown(Long containerId, RegisteredNode entry, Instant at) {
        return new Node(null, containerId, entry.service(), NodeStatus.UNKNOWN, null, null, null, null, null, null, null,
                null, null, null, at, at);
    }

    private static NodeStatus status(RegisteredNode entry, Optional<Node> existing) {
        boolean disabled = existing.isPresent() && existing.get().status() == NodeStatus.DISABLED;
        return disabled && !entry.removed() ? NodeStatus.DISABLED : entry.status();
    }

    private static Node node(Long containerId, RegisteredNode e, NodeStatus status, Node old, Instant createdAt,
            Instant changedAt) {
        return new Node(old == null ? null : old.id(), containerId, e.service(), status, e.nodePort(), e.metricsPort(),
                e.rpcPort(), e.dataDir(), e.logDir(), e.binaryPath(), e.version(), e.peerId(), e.rewardsAddress(),
                old == null ? null : old.readings(), createdAt, changedAt);
    }
}
