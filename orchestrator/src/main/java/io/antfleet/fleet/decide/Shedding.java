package io.antfleet.fleet.decide;

import io.antfleet.fleet.NodeStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the nodes to shed when the host is over a remove level, the fleet is over node_cap, or a
 * container is over its max. Disk pressure and excess nodes are removed (stopped nodes first); CPU,
 * memory, load and I/O pressure stop live nodes, except outdated ones, which are removed (a pending
 * upgrade would replace them anyway). Each node comes from the most loaded container that may lose one
 * without going below its min; containers over their max go first.
 */
final class Shedding {
    private final List<ScalableContainer> containers;
    private final AutoscaleSettings settings;
    private final FleetCounts counts;

    Shedding(List<ScalableContainer> containers, AutoscaleSettings settings, FleetCounts counts) {
        this.containers = containers;
        this.settings = settings;
        this.counts = counts;
    }

    /** Why the fleet must shed; empty when it need not. */
    List<String> reasons(Pressure pressure) {
        List<String> reasons = new ArrayList<>(pressure.over());
        if (counts.total() > settings.nodeCap()) {
            reasons.add(counts.total() + " nodes > node_cap " + settings.nodeCap());
        }
        for (ScalableContainer c : containers) {
            if (counts.excess(c.name()) > 0) {
                reasons.add(c.name() + " has " + counts.registered(c.name()) + " nodes > its max " + c.maxNodes());
            }
        }
        return reasons;
    }

    /** Picks up to {@code limit} nodes. */
    Picks pick(Pressure pressure, int limit, String reason) {
        boolean resource = !pressure.over().isEmpty();
        boolean removeAll = pressure.disk() || counts.total() > settings.nodeCap();
        Picks picks = new Picks();
        for (int i = 0; i < limit; i++) {
            boolean excessOnly = !resource && counts.total() <= settings.nodeCap();
            if (excessOnly && containers.stream().allMatch(c -> counts.excess(c.name()) == 0)) {
                break;
            }
            if (!pickOne(picks, removeAll || hasExcess(), excessOnly, reason)) {
                break;
            }
        }
        return picks;
    }

    private boolean hasExcess() {
        return containers.stream().anyMatch(c -> counts.excess(c.name()) > 0);
    }

    private boolean pickOne(Picks picks, boolean remove, boolean excessOnly, String reason) {
        for (ScalableContainer c : byLoad(remove)) {
            if (excessOnly && counts.excess(c.name()) == 0) {
                continue;
            }
            boolean removeHere = remove || counts.excess(c.name()) > 0;
            Optional<ObservedNode> node = candidate(c, removeHere);
            if (node.isPresent()) {
                ObservedNode n = node.get();
                boolean asRemove = removeHere || isOutdated(n);
                if (asRemove) {
                    counts.removed(c.name(), n);
                } else {
                    counts.stopped(c.name(), n);
                }
                picks.node(asRemove ? Action.REMOVE : Action.STOP, c.name(), n.service(), reason + describe(asRemove, n));
                return true;
            }
        }
        return false;
    }

    /** Over-max containers first, then the most loaded (registered nodes when removing, live when stopping). */
    private List<ScalableContainer> byLoad(boolean remove) {
        List<ScalableContainer> order = new ArrayList<>(containers);
        order.sort(Comparator.comparingLong((ScalableContainer c) -> counts.excess(c.name())).reversed()
                .thenComparing(Comparator.comparingLong((ScalableContainer c) ->
                        remove ? counts.registered(c.name()) : counts.live(c.name())).reversed())
                .thenComparing(ScalableContainer::name));
        return order;
    }

    private Optional<ObservedNode> candidate(ScalableContainer c, boolean remove) {
        List<ObservedNode> open = c.nodes().stream().filter(n -> !counts.isPicked(n)).toList();
        if (remove) {
            Optional<ObservedNode> stopped = open.stream().filter(n -> n.status() == NodeStatus.STOPPED)
                    .min(outdatedFirst().thenComparing(RemovalStrategy.YOUNGEST_FIRST));
            if (stopped.isPresent()) {
                return stopped;
            }
        }
        if (!counts.canShedLive(c.name())) {
            return Optional.empty();
        }
        return open.stream().filter(n -> n.status() == NodeStatus.RUNNING || n.status() == NodeStatus.UNKNOWN)
                .min(outdatedFirst().thenComparing(settings.removalStrategy().order()));
    }

    private Comparator<ObservedNode> outdatedFirst() {
        return Comparator.comparing((ObservedNode n) -> !isOutdated(n));
    }

    private boolean isOutdated(ObservedNode n) {
        return settings.targetVersion() != null && Versions.isOlder(n.version(), settings.targetVersion());
    }

    private String describe(boolean remove, ObservedNode n) {
        if (isOutdated(n)) {
            return " → remove outdated " + n.status().name().toLowerCase(java.util.Locale.ROOT) + " node (" + n.version() + " < "
                    + settings.targetVersion() + ")";
        }
        if (n.status() == NodeStatus.STOPPED) {
            return " → remove stopped node first";
        }
        return " → " + (remove ? "remove" : "stop") + " by strategy " + settings.removalStrategy().label();
    }
}
