package io.antfleet.fleet.decide;

import io.antfleet.fleet.NodeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Node upkeep that does not change the fleet's size: restarting nodes whose metrics stayed silent,
 * upgrading outdated running nodes.
 */
final class Maintenance {
    private static final Comparator<ObservedNode> OLDEST_FIRST = RemovalStrategy.YOUNGEST_FIRST.reversed();

    private final List<ScalableContainer> containers;
    private final AutoscaleSettings settings;

    Maintenance(List<ScalableContainer> containers, AutoscaleSettings settings) {
        this.containers = containers;
        this.settings = settings;
    }

    /** UNKNOWN nodes (registered running, metrics silent) for at least delay_restart, oldest first. */
    Picks restarts(int limit, Instant now) {
        List<Candidate> silent = new ArrayList<>();
        for (ScalableContainer c : containers) {
            for (ObservedNode n : c.nodes()) {
                if (n.status() == NodeStatus.UNKNOWN && (n.statusChangedAt() == null
                        || !n.statusChangedAt().plus(settings.delays().restart()).isAfter(now))) {
                    silent.add(new Candidate(c.name(), n));
                }
            }
        }
        return take(silent, limit, Action.RESTART, "metrics silent for at least delay_restart "
                + settings.delays().restart().toSeconds() + " s → restart");
    }

    /** RUNNING nodes older than the target version; stopped ones never block (they are upgraded once started). */
    Picks upgrades(int limit) {
        List<Candidate> outdated = new ArrayList<>();
        for (ScalableContainer c : containers) {
            for (ObservedNode n : c.nodes()) {
                if (n.status() == NodeStatus.RUNNING && Versions.isOlder(n.version(), settings.targetVersion())) {
                    outdated.add(new Candidate(c.name(), n));
                }
            }
        }
        return take(outdated, limit, Action.UPGRADE, "running an antnode older than " + settings.targetVersion()
                + " → upgrade, oldest first, " + settings.concurrency().upgrades() + " at a time");
    }

    boolean anyOutdatedRunning() {
        return settings.targetVersion() != null && containers.stream().flatMap(c -> c.nodes().stream())
                .anyMatch(n -> n.status() == NodeStatus.RUNNING && Versions.isOlder(n.version(), settings.targetVersion()));
    }

    boolean anyRestartable(Instant now) {
        return !restarts(1, now).isEmpty();
    }

    private static Picks take(List<Candidate> candidates, int limit, Action action, String reason) {
        candidates.sort(Comparator.comparing(Candidate::node, OLDEST_FIRST).thenComparing(Candidate::container));
        Picks picks = new Picks();
        candidates.stream().limit(Math.max(0, limit)).forEach(c -> picks.node(action, c.container(), c.node().service(), reason));
        return picks;
    }

    private record Candidate(String container, ObservedNode node) {
    }
}
