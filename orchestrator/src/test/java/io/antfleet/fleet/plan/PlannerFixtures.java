package io.antfleet.fleet.plan;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.spec.AntnodeSource;
import io.antfleet.fleet.spec.Autoscale;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.Limits;
import io.antfleet.fleet.spec.NodeCount;
import io.antfleet.fleet.spec.PortPlan;
import io.antfleet.fleet.spec.RewardsAddress;
import io.antfleet.fleet.spec.SpecContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builders for planner tests. Block i of the test plan: node 55000+100i, metrics 13000+100i, rpc 30000+100i. */
final class PlannerFixtures {
    static final PortPlan PORTS = new PortPlan(55000, 13000, 30000, 100);

    private PlannerFixtures() {
    }

    static SpecContainer container(String name, NodeCount nodes) {
        return new SpecContainer(name, nodes, Limits.NONE, "antfleet/agent:stand-in", ProcessManager.ANTCTL_SUDO,
                RewardsAddress.parse("faucet"), new EvmNetwork.Named(EvmNetwork.Known.ARBITRUM_ONE), true,
                new AntnodeSource.Latest());
    }

    static SpecContainer fixed(String name, int n) {
        return container(name, new NodeCount.Fixed(n));
    }

    static SpecContainer range(String name, int min, int max) {
        return container(name, new NodeCount.Range(min, max));
    }

    static FleetSpec spec(SpecContainer... containers) {
        return new FleetSpec("home", PORTS, List.of(containers), Autoscale.DEFAULTS, List.of());
    }

    static Node node(int number, NodeStatus status, int nodePort, int metricsPort, int rpcPort) {
        return new Node(null, null, ServiceName.ofNumber(number), status, nodePort, metricsPort, rpcPort, null, null, null,
                "0.4.17", null, null, null, null, null);
    }

    /** A container in block {@code blockIndex} whose node k sits at offset k-1 of the block. */
    static ObservedContainer observed(String name, int blockIndex, boolean running, NodeStatus... statuses) {
        PortBlock block = PORTS.block(blockIndex);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            nodes.add(node(i + 1, statuses[i], block.node().first() + i, block.metrics().first() + i, block.rpc().first() + i));
        }
        return new ObservedContainer(name, "docker-" + name, running, Optional.of(block), nodes);
    }

    static ObservedContainer observed(String name, int blockIndex, NodeStatus... statuses) {
        return observed(name, blockIndex, true, statuses);
    }

    static ObservedFleet fleet(ObservedContainer... containers) {
        return new ObservedFleet(List.of(containers));
    }
}
