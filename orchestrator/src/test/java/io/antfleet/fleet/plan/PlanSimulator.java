package io.antfleet.fleet.plan;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applies a plan to an observed fleet the way a perfect executor and antctl would; test code only. */
final class PlanSimulator {
    private PlanSimulator() {
    }

    static ObservedFleet apply(ObservedFleet before, Plan plan) {
        Map<String, ObservedContainer> fleet = new LinkedHashMap<>();
        before.containers().forEach(c -> fleet.put(c.name(), c));
        for (PlanStep a : plan.actions()) {
            ObservedContainer c = fleet.get(a.container());
            if (a instanceof PlanStep.CreateContainer) {
                PlanStep.CreateContainer create = (PlanStep.CreateContainer) a;
                fleet.put(a.container(), new ObservedContainer(a.container(), "docker-" + a.container(), true,
                        Optional.of(create.ports()), List.of()));
            } else if (a instanceof PlanStep.StartContainer) {
                fleet.put(a.container(), new ObservedContainer(c.name(), c.dockerId(), true, c.ports(), c.nodes()));
            } else if (a instanceof PlanStep.AssignPorts) {
                fleet.put(a.container(), new ObservedContainer(c.name(), c.dockerId(), c.running(),
                        Optional.of(((PlanStep.AssignPorts) a).ports()), c.nodes()));
            } else if (a instanceof PlanStep.AddNodes) {
                fleet.put(a.container(), add(c, (PlanStep.AddNodes) a));
            } else if (a instanceof PlanStep.RemoveContainer) {
                fleet.remove(a.container());
            } else {
                fleet.put(a.container(), setStatus(c, a.services(), statusAfter(a)));
            }
        }
        return new ObservedFleet(new ArrayList<>(fleet.values()));
    }

    private static NodeStatus statusAfter(PlanStep a) {
        if (a instanceof PlanStep.StartNodes) {
            return NodeStatus.RUNNING;
        }
        if (a instanceof PlanStep.StopNodes) {
            return NodeStatus.STOPPED;
        }
        return NodeStatus.DEAD;
    }

    private static ObservedContainer add(ObservedContainer c, PlanStep.AddNodes add) {
        List<Node> nodes = new ArrayList<>(c.nodes());
        int number = c.nextNumber();
        for (PortBatch batch : add.batches()) {
            for (int i = 0; i < batch.count(); i++) {
                nodes.add(PlannerFixtures.node(number++, NodeStatus.RUNNING, batch.node().first() + i,
                        batch.metrics().first() + i, batch.rpc().first() + i));
            }
        }
        return new ObservedContainer(c.name(), c.dockerId(), c.running(), c.ports(), nodes);
    }

    private static ObservedContainer setStatus(ObservedContainer c, List<ServiceName> services, NodeStatus status) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : c.nodes()) {
            if (!services.contains(n.service())) {
                nodes.add(n);
                continue;
            }
            if (status == NodeStatus.DEAD && n.status() == NodeStatus.RUNNING) {
                throw new AssertionError("antctl refuses to remove running " + n.service() + " in " + c.name());
            }
            nodes.add(n.withStatus(status, null));
        }
        return new ObservedContainer(c.name(), c.dockerId(), c.running(), c.ports(), nodes);
    }

    /** A crash between antctl add and start: the named nodes exist but are stopped. */
    static ObservedFleet stopAll(ObservedFleet fleet, String container, List<ServiceName> services) {
        List<ObservedContainer> all = new ArrayList<>();
        for (ObservedContainer c : fleet.containers()) {
            all.add(c.name().equals(container) ? setStatus(c, services, NodeStatus.STOPPED) : c);
        }
        return new ObservedFleet(all);
    }
}
