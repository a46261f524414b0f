package io.antfleet.engine.node;

import io.antfleet.fleet.NodeStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The forced node actions of {@code antfleet node}. Chosen by count, start takes the oldest (lowest
 * number) stopped nodes; stop, restart, remove and disable take the youngest running ones (remove takes
 * stopped ones first, as wnm does).
 */
public enum NodeVerb {
    START(EnumSet.of(NodeStatus.STOPPED), false),
    STOP(EnumSet.of(NodeStatus.RUNNING, NodeStatus.UNKNOWN), true),
    RESTART(EnumSet.of(NodeStatus.RUNNING, NodeStatus.UNKNOWN), true),
    REMOVE(EnumSet.of(NodeStatus.STOPPED, NodeStatus.RUNNING, NodeStatus.UNKNOWN, NodeStatus.DISABLED), true),
    DISABLE(EnumSet.of(NodeStatus.RUNNING, NodeStatus.STOPPED, NodeStatus.UNKNOWN), true);

    private final Set<NodeStatus> candidates;
    private final boolean youngestFirst;

    NodeVerb(Set<NodeStatus> candidates, boolean youngestFirst) {
        this.candidates = candidates;
        this.youngestFirst = youngestFirst;
    }

    /** The statuses a node may have to be picked by count. */
    public Set<NodeStatus> candidates() {
        return candidates;
    }

    public boolean youngestFirst() {
        return youngestFirst;
    }
}
