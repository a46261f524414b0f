package io.antfleet.fleet.decide;

import io.antfleet.fleet.NodeStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Grows the fleet when the host has room: stopped nodes are started first (oldest first; an outdated
 * one is upgraded once it runs), then new nodes are added, each in the container with the most room
 * under its max, never past node_cap.
 */
final class Growth {
    private static final Comparator<ObservedNode> OLDEST_FIRST = RemovalStrategy.YOUNGEST_FIRST.reversed();

    private final List<ScalableContainer> containers;
    private final AutoscaleSettings settings;
    private final FleetCounts counts;

    Growth(List<ScalableContainer> containers, AutoscaleSettings settings, FleetCounts counts) {
        this.containers = containers;
        this.settings = settings;
        this.counts = counts;
    }

    Picks pick(int limit) {
        Picks picks = new Picks();
        for (int i = 0; i < limit; i++) {
            if (!startOne(picks) && !addOne(picks)) {
                break;
            }
        }
        return picks;
    }

    private boolean startOne(Picks picks) {
        ScalableContainer best = null;
        ObservedNode oldest = null;
        for (ScalableContainer c : containers) {
            Optional<ObservedNode> n = c.nodes().stream()
                    .filter(x -> x.status() == NodeStatus.STOPPED && !counts.isPicked(x))
                    .min(OLDEST_FIRST);
            if (n.isPresent() && (oldest == null || OLDEST_FIRST.compare(n.get(), oldest) < 0)) {
                best = c;
                oldest = n.get();
            }
        }
        if (oldest == null) {
            return false;
        }
        counts.started(best.name(), oldest);
        picks.node(Action.START, best.name(), oldest.service(), "host has room → start stopped nodes first, oldest first");
        return true;
    }

    private boolean addOne(Picks picks) {
        if (counts.total() >= settings.nodeCap()) {
            return false;
        }
        Optional<ScalableContainer> roomiest = containers.stream()
                .filter(c -> counts.room(c.name()) > 0)
                .min(Comparator.comparingLong((ScalableContainer c) -> counts.room(c.name())).reversed()
                        .thenComparing(ScalableContainer::name));
        if (roomiest.isEmpty()) {
            return false;
        }
        String name = roomiest.get().name();
        picks.addOne(name, "host has room, " + counts.total() + " of node_cap " + settings.nodeCap()
                + " → add in the container with most room (" + counts.room(name) + " under its max)");
        counts.added(name);
        return true;
    }
}
