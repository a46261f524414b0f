package io.antfleet.fleet.plan;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.spec.NodeCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The node actions that make one container match its count. Nodes are sorted into:
 * <ul>
 * <li><b>active</b> — RUNNING, UPGRADING, RESTARTING, UNKNOWN: they count as running (an UNKNOWN node
 *     may well be running; apply must not add a duplicate for it). Only RUNNING ones are ever stopped.</li>
 * <li><b>stopped</b> — STOPPED (antctl's Stopped and Added): started oldest (lowest number) first.</li>
 * <li><b>left alone</b> — DISABLED (the operator took it out of automation; it does not count, so apply
 *     adds a replacement), REMOVING (on its way out) and DEAD (Removed in antctl; its number and ports
 *     stay reserved).</li>
 * </ul>
 * In a container Docker reports stopped, every node that is not left alone counts as stopped.
 * A fixed count N means exactly N active nodes and no stopped ones: start stopped nodes first, then add;
 * too many → stop and remove the youngest (highest number) running nodes; stopped surplus is removed.
 * A range {min, max} means at least min active (start, then add) and at most max active+stopped
 * (stop and remove the youngest running, remove the youngest stopped); autoscale decides in between.
 */
final class NodeCountRule {
    private static final Set<NodeStatus> ACTIVE = EnumSet.of(NodeStatus.RUNNING, NodeStatus.UPGRADING,
            NodeStatus.RESTARTING, NodeStatus.UNKNOWN);

    private NodeCountRule() {
    }

    static List<PlanStep> actions(String container, NodeCount count, ObservedContainerState state) {
        List<Node> active = new ArrayList<>();
        List<Node> stopped = new ArrayList<>();
        for (Node n : state.nodes()) {
            boolean leftAlone = n.status() == NodeStatus.DISABLED || n.status() == NodeStatus.REMOVING || n.status() == NodeStatus.DEAD;
            if (leftAlone) {
                continue;
            }
            if (state.running() && ACTIVE.contains(n.status())) {
                active.add(n);
            } else {
                stopped.add(n);
            }
        }
        int min;
        int max;
        if (count instanceof NodeCount.Fixed) {
            min = ((NodeCount.Fixed) count).count();
            max = min;
        } else {
            min = ((NodeCount.Range) count).min();
            max = ((NodeCount.Range) count).max();
        }
        return changes(container, min, max, active, stopped, state);
    }

    private static List<PlanStep> changes(String container, int min, int max, List<Node> active, List<Node> stopped,
            ObservedContainerState state) {
        List<Node> toStart = new ArrayList<>();
        List<Node> toStopAndRemove = new ArrayList<>();
        int add = 0;
        if (active.size() < min) {
            int need = min - active.size();
            toStart.addAll(stopped.subList(0, Math.min(need, stopped.size())));
            add = need - toStart.size();
        } else if (active.size() > max) {
            toStopAndRemove.addAll(youngestFirst(active.stream().filter(n -> n.status() == NodeStatus.RUNNING))
                    .stream().limit(active.size() - max).collect(Collectors.toList()));
        }
        int activeAfter = active.size() - toStopAndRemove.size() + toStart.size() + add;
        List<Node> stillStopped = stopped.stream().filter(n -> !toStart.contains(n)).collect(Collectors.toList());
        int surplus = Math.max(0, activeAfter + stillStopped.size() - max);
        List<Node> removeStopped = youngestFirst(stillStopped.stream()).stream().limit(surplus).collect(Collectors.toList());

        List<PlanStep> actions = new ArrayList<>();
        if (!toStopAndRemove.isEmpty()) {
            actions.add(new PlanStep.StopNodes(container, names(toStopAndRemove)));
        }
        List<Node> removals = new ArrayList<>(toStopAndRemove);
        removals.addAll(removeStopped);
        if (!removals.isEmpty()) {
            actions.add(new PlanStep.RemoveNodes(container, names(youngestFirst(removals.stream()))));
        }
        if (!toStart.isEmpty()) {
            actions.add(new PlanStep.StartNodes(container, names(toStart)));
        }
        if (add > 0) {
            actions.add(addNodes(container, add, state));
        }
        return actions;
    }

    private static PlanStep addNodes(String container, int count, ObservedContainerState state) {
        List<PortBatch> batches = PortAllocator.nodePorts(container, state.ports(), state.nodes(), count);
        List<ServiceName> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(ServiceName.ofNumber(state.servicePrefix(), state.nextNumber() + i));
        }
        return new PlanStep.AddNodes(container, count, batches, expected);
    }

    private static List<Node> youngestFirst(java.util.stream.Stream<Node> nodes) {
        return nodes.sorted(Comparator.comparingInt(Node::number).reversed()).collect(Collectors.toList());
    }

    private static List<ServiceName> names(List<Node> nodes) {
        return nodes.stream().map(Node::service).collect(Collectors.toList());
    }

    /** What the rule needs of a container: its nodes, whether it runs, its block and antctl's next number. */
    record ObservedContainerState(List<Node> nodes, boolean running, PortBlock ports, int nextNumber,
            String servicePrefix) {
    }
}
