package io.antfleet.fleet.decide;

import io.antfleet.fleet.NodeStatus;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mutable per-cycle tallies of registered and live nodes per container, updated as the engine picks
 * nodes, so that every later pick of the same cycle sees the earlier ones (placement and limits).
 */
final class FleetCounts {
    private final Map<String, ScalableContainer> containers = new HashMap<>();
    private final Map<String, Long> registered = new HashMap<>();
    private final Map<String, Long> live = new HashMap<>();
    /** By identity: equal nodes may exist in two containers. */
    private final Set<ObservedNode> picked = Collections.newSetFromMap(new IdentityHashMap<>());
    private long total;

    FleetCounts(List<ScalableContainer> all) {
        for (ScalableContainer c : all) {
            containers.put(c.name(), c);
            registered.put(c.name(), c.registered());
            live.put(c.name(), c.live());
            total += c.registered();
        }
    }

    static long count(List<ScalableContainer> all, NodeStatus status) {
        return all.stream().flatMap(c -> c.nodes().stream()).filter(n -> n.status() == status).count();
    }

    long total() {
        return total;
    }

    long registered(String container) {
        return registered.get(container);
    }

    long live(String container) {
        return live.get(container);
    }

    /** Nodes over the container's max. */
    long excess(String container) {
        return Math.max(0, registered(container) - containers.get(container).maxNodes());
    }

    /** Room for new nodes in the container. */
    long room(String container) {
        return Math.max(0, containers.get(container).maxNodes() - registered(container));
    }

    /** A live node may be shed only while the container stays at or above its min. */
    boolean canShedLive(String container) {
        return live(container) > containers.get(container).minNodes();
    }

    boolean isPicked(ObservedNode node) {
        return picked.contains(node);
    }

    void removed(String container, ObservedNode node) {
        picked.add(node);
        registered.merge(container, -1L, Long::sum);
        total--;
        if (node.isLive()) {
            live.merge(container, -1L, Long::sum);
        }
    }

    void stopped(String container, ObservedNode node) {
        picked.add(node);
        live.merge(container, -1L, Long::sum);
    }

    void started(String container, ObservedNode node) {
        picked.add(node);
        live.merge(container, 1L, Long::sum);
    }

    void added(String container) {
        registered.merge(container, 1L, Long::sum);
        live.merge(container, 1L, Long::sum);
        total++;
    }
}
