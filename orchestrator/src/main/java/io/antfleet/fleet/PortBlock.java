package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

/**
 * A container's ports on the host: node (UDP), metrics and rpc ranges of equal size. Agent containers
 * use host networking, so blocks of different containers must never overlap.
 */
public record PortBlock(PortRange node, PortRange metrics, PortRange rpc) {
    public PortBlock {
        requireNonNull(node, "node is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(rpc, "rpc is null");
    }

    public boolean overlaps(PortBlock other) {
        return node.overlaps(other.node) || metrics.overlaps(other.metrics) || rpc.overlaps(other.rpc)
                || node.overlaps(other.metrics) || node.overlaps(other.rpc) || metrics.overlaps(other.rpc)
                || metrics.overlaps(other.node) || rpc.overlaps(other.node) || rpc.overlaps(other.metrics);
    }
}
