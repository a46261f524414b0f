package io.antfleet.fleet.plan;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.spec.PortPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure port arithmetic. Containers get whole blocks (node, metrics and rpc ranges at the same index);
 * a container keeps the block recorded for it whatever the spec order; a new container takes the lowest
 * block index that overlaps no recorded block. Within a block, new nodes take offsets whose three ports
 * no existing node uses: antctl reserves the ports of Removed nodes too and never reuses them.
 */
public final class PortAllocator {
    private PortAllocator() {
    }

    /**
     * Blocks for {@code wanted} containers (in that order) that have none in {@code recorded}; the
     * recorded ones are returned unchanged.
     *
     * @throws AntfleetException when the plan has no free block left below port 65536
     */
    public static Map<String, PortBlock> assignBlocks(PortPlan plan, List<String> wanted, Map<String, PortBlock> recorded) {
        return assignBlocks(plan, wanted, recorded, List.of());
    }

    /**
     * As {@link #assignBlocks(PortPlan, List, Map)}, with new blocks also clear of {@code taken}: the blocks of the
     * host's other antfleet containers (other fleets, imported ones), whose ports are host ports too.
     */
    public static Map<String, PortBlock> assignBlocks(PortPlan plan, List<String> wanted, Map<String, PortBlock> recorded,
            Collection<PortBlock> taken) {
        Map<String, PortBlock> result = new LinkedHashMap<>(recorded);
        int index = 0;
        for (String name : wanted) {
            if (result.containsKey(name)) {
                continue;
            }
            while (true) {
                if (!plan.fits(index)) {
                    throw new AntfleetException("no free port block for container '" + name + "': blocks of "
                            + plan.blockSize() + " from node " + plan.node() + ", metrics " + plan.metrics() + ", rpc "
                            + plan.rpc() + " are used up below port 65536");
                }
                PortBlock candidate = plan.block(index);
                if (result.values().stream().noneMatch(candidate::overlaps) && taken.stream().noneMatch(candidate::overlaps)) {
                    result.put(name, candidate);
                    break;
                }
                index++;
            }
        }
        return result;
    }

    /**
     * Ports for {@code count} new nodes in {@code block}: one batch when a contiguous run of free offsets is
     * long enough (the lowest such run), else the lowest free runs in order, so several antctl calls.
     *
     * @throws AntfleetException when the block has fewer than {@code count} free offsets
     */
    public static List<PortBatch> nodePorts(String container, PortBlock block, Collection<Node> existing, int count) {
        if (count < 1) {
            return List.of();
        }
        List<int[]> runs = freeRuns(block, existing);
        for (int[] run : runs) {
            if (run[1] >= count) {
                return List.of(batch(block, run[0], count));
            }
        }
        List<PortBatch> batches = new ArrayList<>();
        int remaining = count;
        for (int[] run : runs) {
            if (remaining == 0) {
                break;
            }
            int take = Math.min(remaining, run[1]);
            batches.add(batch(block, run[0], take));
            remaining -= take;
        }
        if (remaining > 0) {
            throw new AntfleetException("container '" + container + "' has " + (count - remaining) + " free ports in its block "
                    + block.node() + " but needs " + count + " (antctl keeps the ports of removed nodes until a reset, "
                    + "e.g. antfleet teardown --container " + container + ")");
        }
        return batches;
    }

    /**
     * Ports for {@code count} new nodes in one antctl call, as the run loop adds them: the lowest run of
     * {@code count} consecutive free offsets.
     *
     * @param block the container's block; null (an imported container without one) is refused, since new
     *              nodes then would get no metrics port
     * @throws AntfleetException when there is no block, or no run long enough in it
     */
    public static PortBatch contiguousNodePorts(String container, PortBlock block, Collection<Node> existing, int count) {
        if (block == null) {
            throw new AntfleetException("container " + container + " has no port block recorded; "
                    + "apply its spec first so that new nodes get metrics ports");
        }
        for (int[] run : freeRuns(block, existing)) {
            if (run[1] >= count) {
                return batch(block, run[0], count);
            }
        }
        throw new AntfleetException("container " + container + " has no " + count
                + " consecutive free ports left in its block " + block.node() + " (" + existing.size() + " nodes registered)");
    }

    /** Runs of free offsets as {start, length}, lowest first. */
    private static List<int[]> freeRuns(PortBlock block, Collection<Node> existing) {
        Set<Integer> used = new HashSet<>();
        for (Node n : existing) {
            mark(used, block.node(), n.nodePort());
            mark(used, block.metrics(), n.metricsPort());
            mark(used, block.rpc(), n.rpcPort());
        }
        List<int[]> runs = new ArrayList<>();
        int size = Math.min(block.node().size(), Math.min(block.metrics().size(), block.rpc().size()));
        int offset = 0;
        while (offset < size) {
            if (used.contains(offset)) {
                offset++;
                continue;
            }
            int start = offset;
            while (offset < size && !used.contains(offset)) {
                offset++;
            }
            runs.add(new int[] {start, offset - start});
        }
        return runs;
    }

    private static void mark(Set<Integer> used, PortRange range, Integer port) {
        if (port != null && range.contains(port)) {
            used.add(port - range.first());
        }
    }

    private static PortBatch batch(PortBlock block, int offset, int count) {
        return new PortBatch(count, slice(block.node(), offset, count), slice(block.metrics(), offset, count),
                slice(block.rpc(), offset, count));
    }

    private static PortRange slice(PortRange range, int offset, int count) {
        return new PortRange(range.first() + offset, range.first() + offset + count - 1);
    }
}
