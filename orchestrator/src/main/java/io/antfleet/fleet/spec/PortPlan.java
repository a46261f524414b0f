package io.antfleet.fleet.spec;

import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;

/**
 * Where containers' port blocks start: block {@code i} holds node ports {@code node + i*blockSize ..
 * + blockSize - 1}, and the same for metrics and rpc. wnm's defaults are 55000, 13000 and 30000.
 */
public record PortPlan(int node, int metrics, int rpc, int blockSize) {
    public static final PortPlan DEFAULT = new PortPlan(55000, 13000, 30000, 100);

    public PortPlan {
        checkPort("node", node);
        checkPort("metrics", metrics);
        checkPort("rpc", rpc);
        if (blockSize < 1 || blockSize > 65535) {
            throw new IllegalArgumentException("block size " + blockSize + " out of range 1-65535");
        }
    }

    private static void checkPort(String kind, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(kind + " port base " + port + " out of range 1-65535");
        }
    }

    /** True when block {@code index} lies entirely in 1..65535 for all three kinds of port. */
    public boolean fits(int index) {
        long last = (long) Math.max(node, Math.max(metrics, rpc)) + (long) (index + 1) * blockSize - 1;
        return index >= 0 && last <= 65535;
    }

    /** Block {@code index}; see {@link #fits}. */
    public PortBlock block(int index) {
        if (!fits(index)) {
            throw new IllegalArgumentException("port block " + index + " of size " + blockSize + " does not fit below 65536");
        }
        int offset = index * blockSize;
        return new PortBlock(range(node + offset), range(metrics + offset), range(rpc + offset));
    }

    private PortRange range(int first) {
        return new PortRange(first, first + blockSize - 1);
    }
}
