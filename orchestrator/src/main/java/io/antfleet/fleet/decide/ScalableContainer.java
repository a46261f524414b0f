package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A container as the decision engine scales it (the apply planner's view is
 * {@link io.antfleet.fleet.plan.ObservedContainer}): its nodes and its limits: {@code maxNodes} bounds its registered (non-DEAD) nodes,
 * {@code minNodes} is the floor of its live nodes that shedding never goes below. {@code actionable} is
 * false when Docker reports the container down or could not be asked this cycle: nothing is planned into
 * it, but its registered nodes still count against node_cap (they come back with it).
 */
public record ScalableContainer(String name, int minNodes, int maxNodes, List<ObservedNode> nodes, boolean actionable) {
    public ScalableContainer {
        requireNonNull(name, "name is null");
        nodes = List.copyOf(nodes);
        if (minNodes < 0 || maxNodes < minNodes) {
            throw new IllegalArgumentException("container " + name + " needs 0 <= min <= max, got min "
                    + minNodes + ", max " + maxNodes);
        }
    }

    /** An actionable container (Docker reports it running). */
    public ScalableContainer(String name, int minNodes, int maxNodes, List<ObservedNode> nodes) {
        this(name, minNodes, maxNodes, nodes, true);
    }

    public long registered() {
        return nodes.stream().filter(ObservedNode::isRegistered).count();
    }

    public long live() {
        return nodes.stream().filter(ObservedNode::isLive).count();
    }
}
