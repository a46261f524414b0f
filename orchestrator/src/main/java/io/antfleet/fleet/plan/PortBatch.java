package io.antfleet.fleet.plan;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.PortRange;

/**
 * The ports of one {@code antctl add --count N --node-port A-B --metrics-port C-D --rpc-port E-F} call:
 * three ranges of exactly {@code count} ports (antctl wants a range's size to equal the count).
 */
public record PortBatch(int count, PortRange node, PortRange metrics, PortRange rpc) {
    public PortBatch {
        requireNonNull(node, "node is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(rpc, "rpc is null");
        if (count < 1 || node.size() != count || metrics.size() != count || rpc.size() != count) {
            throw new IllegalArgumentException("a batch of " + count + " nodes needs " + count + " ports of each kind, got "
                    + node + ", " + metrics + ", " + rpc);
        }
    }
}
