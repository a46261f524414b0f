package io.antfleet.standin;

import java.util.ArrayList;
import java.util.List;

/**
 * Targeting shared by start, stop, remove, upgrade and balance: {@code --service-name} and {@code --peer-id}
 * (each repeatable); none = every node that is not Removed. An unknown or Removed name aborts before any work.
 */
final class Selector {
    private Selector() {
    }

    static List<NodeEntry> select(Registry registry, ParsedArgs args) {
        List<NodeEntry> selected = new ArrayList<>();
        for (String name : args.values("service-name")) {
            NodeEntry node = registry.byName(name)
                    .filter(n -> n.status() != NodeEntry.Status.Removed)
                    .orElseThrow(() -> new Failure("No service named '" + name + "'"));
            if (!selected.contains(node)) {
                selected.add(node);
            }
        }
        for (String peerId : args.values("peer-id")) {
            NodeEntry node = registry.nodes().stream()
                    .filter(n -> peerId.equals(n.text("peer_id")) && n.status() != NodeEntry.Status.Removed)
                    .findFirst()
                    .orElseThrow(() -> new Failure("Could not find node with peer id '" + peerId + "'"));
            if (!selected.contains(node)) {
                selected.add(node);
            }
        }
        if (args.values("service-name").isEmpty() && args.values("peer-id").isEmpty()) {
            registry.nodes().stream().filter(n -> n.status() != NodeEntry.Status.Removed).forEach(selected::add);
        }
        return selected;
    }
}
