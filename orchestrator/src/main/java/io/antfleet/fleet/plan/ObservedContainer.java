package io.antfleet.fleet.plan;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.PortBlock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A container of the fleet as observed: found by its labels, its Docker state, the port block recorded
 * for it (empty for an imported container without one), and every node antctl lists for it, Removed
 * (DEAD) ones included, in number order.
 *
 * @param name the spec name (label {@code antfleet.container}), not Docker's name
 */
public record ObservedContainer(String name, String dockerId, boolean running, Optional<PortBlock> ports, List<Node> nodes) {
    public ObservedContainer {
        requireNonNull(name, "name is null");
        requireNonNull(dockerId, "dockerId is null");
        requireNonNull(ports, "ports is null");
        nodes = nodes.stream().sorted(Comparator.comparingInt(Node::number)).collect(java.util.stream.Collectors.toUnmodifiableList());
    }

    /** The number antctl gives the next node: it never reuses one until a reset. */
    public int nextNumber() {
        return nodes.stream().mapToInt(Node::number).max().orElse(0) + 1;
    }
}
