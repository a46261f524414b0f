package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A container with its nodes and its limits: {@code maxNodes} bounds its registered (non-DEAD) nodes,
 * {@code minNodes} is the floor of its live nodes that shedding never goes below.
 */
public record ObservedContainer(String name, int minNodes, int maxNodes, List<ObservedNode> nodes) {
    public ObservedContainer {
        requireNonNull(name, "name is null");
        nodes = List.copyOf(nodes);
        if (minNodes < 0 || maxNodes < minNodes) {
            throw new IllegalArgumentException("container " + name + " needs 0 <= min <= max, got min "
                    + minNodes + ", max " + maxNodes);
        }
    }

    public long registered() {
        return nodes.stream().filter(ObservedNode::isRegistered).count();
    }

    public long live() {
        return nodes.stream().filter(ObservedNode::isLive).count();
    }
}
