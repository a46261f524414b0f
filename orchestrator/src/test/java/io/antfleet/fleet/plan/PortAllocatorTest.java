package io.antfleet.fleet.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.spec.PortPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {
    private static final PortPlan PLAN = new PortPlan(55000, 13000, 30000, 10);
    private static final PortBlock BLOCK0 = PLAN.block(0);

    @Test
    void containerIGetsTheBlocksAtBasePlusITimesTheBlockSize() {
        Map<String, PortBlock> blocks = PortAllocator.assignBlocks(PLAN, List.of("a", "b", "c"), Map.of());

        assertThat(blocks.get("c")).isEqualTo(new PortBlock(new PortRange(55020, 55029), new PortRange(13020, 13029),
                new PortRange(30020, 30029)));
        assertThat(blocks.get("a").overlaps(blocks.get("b"))).isFalse();
    }

    @Test
    void aRecordedBlockIsKeptAndNewContainersFillTheLowestGap() {
        Map<String, PortBlock> blocks = PortAllocator.assignBlocks(PLAN, List.of("new1", "old", "new2"),
                Map.of("old", PLAN.block(0)));

        assertThat(blocks.get("old")).isEqualTo(PLAN.block(0));
        assertThat(blocks.get("new1")).isEqualTo(PLAN.block(1));
        assertThat(blocks.get("new2")).isEqualTo(PLAN.block(2));
    }

    @Test
    void aRecordedBlockOffTheGridStillBlocksTheIndexesItOverlaps() {
        PortBlock odd = new PortBlock(new PortRange(55005, 55014), new PortRange(13005, 13014), new PortRange(30005, 30014));

        Map<String, PortBlock> blocks = PortAllocator.assignBlocks(PLAN, List.of("new"), Map.of("odd", odd));

        assertThat(blocks.get("new")).isEqualTo(PLAN.block(2));
    }

    @Test
    void runningOutOfBlocksBelow65536IsAnError() {
        PortPlan tight = new PortPlan(65500, 13000, 30000, 30);

        assertThatThrownBy(() -> PortAllocator.assignBlocks(tight, List.of("a", "b"), Map.of()))
                .isInstanceOf(AntfleetException.class).hasMessageContaining("no free port block for container 'b'");
    }

    @Test
    void anAddIntoAnEmptyBlockIsOneContiguousBatch() {
        assertThat(PortAllocator.nodePorts("a", BLOCK0, List.of(), 4)).containsExactly(
                new PortBatch(4, new PortRange(55000, 55003), new PortRange(13000, 13003), new PortRange(30000, 30003)));
    }

    @Test
    void portsOfRemovedNodesAreNeverReused() {
        List<Node> nodes = List.of(node(1, NodeStatus.DEAD, 0), node(2, NodeStatus.RUNNING, 1));

        assertThat(PortAllocator.nodePorts("a", BLOCK0, nodes, 1)).extracting(PortBatch::node)
                .containsExactly(PortRange.single(55002));
    }

    @Test
    void aFragmentedBlockFallsBackToSeveralBatchesLowestFirst() {
        List<Node> nodes = List.of(node(1, NodeStatus.RUNNING, 2), node(2, NodeStatus.RUNNING, 5), node(3, NodeStatus.DEAD, 8));

        List<PortBatch> batches = PortAllocator.nodePorts("a", BLOCK0, nodes, 5);

        assertThat(batches).extracting(PortBatch::node).containsExactly(new PortRange(55000, 55001), new PortRange(55003, 55004),
                PortRange.single(55006));
    }

    @Test
    void theLowestRunLongEnoughIsPreferredOverSplitting() {
        List<Node> nodes = List.of(node(1, NodeStatus.RUNNING, 2));

        assertThat(PortAllocator.nodePorts("a", BLOCK0, nodes, 3)).extracting(PortBatch::node)
                .containsExactly(new PortRange(55003, 55005));
    }

    @Test
    void aMetricsPortInUseBlocksItsOffsetToo() {
        Node imported = new Node(null, null, io.antfleet.fleet.ServiceName.ofNumber(1), NodeStatus.RUNNING, 40000, 13000,
                null, null, null, null, null, null, null, null, null, null);

        assertThat(PortAllocator.nodePorts("a", BLOCK0, List.of(imported), 1)).extracting(PortBatch::node)
                .containsExactly(PortRange.single(55001));
    }

    @Test
    void theRunLoopsAddTakesTheLowestRunLongEnoughInOneCall() {
        List<Node> nodes = List.of(node(1, NodeStatus.RUNNING, 2), node(2, NodeStatus.DEAD, 5));

        PortBatch batch = PortAllocator.contiguousNodePorts("a", BLOCK0, nodes, 3);

        assertThat(batch).isEqualTo(new PortBatch(3, new PortRange(55006, 55008), new PortRange(13006, 13008),
                new PortRange(30006, 30008)));
    }

    @Test
    void theRunLoopsAddNeverSplitsAndNeedsABlock() {
        List<Node> nodes = List.of(node(1, NodeStatus.RUNNING, 3), node(2, NodeStatus.RUNNING, 7));

        assertThatThrownBy(() -> PortAllocator.contiguousNodePorts("a", BLOCK0, nodes, 4)).isInstanceOf(AntfleetException.class)
                .hasMessageContaining("no 4 consecutive free ports");
        assertThatThrownBy(() -> PortAllocator.contiguousNodePorts("a", null, nodes, 1))
                .hasMessageContaining("container a has no port block recorded");
    }

    private static Node node(int number, NodeStatus status, int offset) {
        return PlannerFixtures.node(number, status, 55000 + offset, 13000 + offset, 30000 + offset);
    }
}
