package io.antfleet.engine.run;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;
import java.util.BitSet;
import java.util.List;

/**
 * Chooses the ports of an add inside the container's block: the lowest run of {@code count} offsets that
 * no registry entry uses, Removed (DEAD) ones included, since antctl keeps their ports reserved.
 */
final class AddPorts {
    record Choice(PortRange node, PortRange metrics, PortRange rpc) {
    }

    private AddPorts() {
    }

    static Choice choose(Container container, List<Node> nodes, int count) {
        PortBlock block = container.ports();
        if (block == null) {
            throw new AntfleetException("container " + container.name() + " has no port block recorded; "
                    + "apply its spec first so that new nodes get metrics ports");
        }
        int size = Math.min(block.node().size(), Math.min(block.metrics().size(), block.rpc().size()));
        BitSet used = new BitSet(size);
        for (Node n : nodes) {
            mark(used, block.node(), n.nodePort());
            mark(used, block.metrics(), n.metricsPort());
            mark(used, block.rpc(), n.rpcPort());
        }
        for (int first = 0; first + count <= size; first++) {
            int clash = used.nextSetBit(first);
            if (clash < 0 || clash >= first + count) {
                return new Choice(slice(block.node(), first, count), slice(block.metrics(), first, count),
                        slice(block.rpc(), first, count));
            }
            first = clash;
        }
        throw new AntfleetException("container " + container.name() + " has no " + count
                + " consecutive free ports left in its block " + block.node() + " (" + nodes.size() + " nodes registered)");
    }

    private static void mark(BitSet used, PortRange range, Integer port) {
        if (port != null && range.contains(port)) {
            used.set(port - range.first());
        }
    }

    private static PortRange slice(PortRange r, int offset, int count) {
        return new PortRange(r.first() + offset, r.first() + offset + count - 1);
    }
}
