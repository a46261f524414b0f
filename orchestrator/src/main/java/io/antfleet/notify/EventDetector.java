package io.antfleet.notify;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what each run cycle saw into {@link FleetEvent}s. An event is reported every cycle its condition
 * holds; the {@link Notifier}'s cooldown keeps the channel quiet. No I/O; one caller (the run loop) at a time.
 */
public final class EventDetector {
    public static final int CRASH_LOOP_RESTARTS = 3;
    public static final Duration CRASH_LOOP_WINDOW = Duration.ofMinutes(15);
    public static final Duration PRESSURE_HELD = Duration.ofMinutes(10);
    public static final int FAILING_CYCLES = 3;

    /** A host resource against its remove threshold (0: not used). */
    public record Level(String resource, double value, double removeAbove) {
    }

    /** What a cycle found: the events, and the nodes that restarted since the last cycle ({@code container/service}). */
    public record Found(List<FleetEvent> events, List<String> restarted) {
        public Found {
            events = List.copyOf(events);
            restarted = List.copyOf(restarted);
        }
    }

    private final Map<String, Long> lastUptime = new HashMap<>();
    private final Map<String, Deque<Instant>> restarts = new HashMap<>();
    private final Map<String, Instant> pressureSince = new HashMap<>();
    private int failedInARow;

    /**
     * @param nodes container name → its nodes with the cycle's readings
     * @param containersDown Docker name → "not running" / "missing from Docker"
     */
    public synchronized Found cycle(Instant at, Map<String, List<Node>> nodes, Map<String, String> containersDown,
            List<Level> levels, Optional<String> haltedUpgrade) {
        failedInARow = 0;
        List<FleetEvent> events = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        nodes.forEach((container, list) -> list.forEach(n -> node(at, container, n, events, restarted)));
        containersDown.forEach((c, why) -> events.add(new FleetEvent(EventKind.CONTAINER_DOWN, c, "container " + c + " is " + why, at)));
        for (Level l : levels) {
            pressure(at, l).ifPresent(events::add);
        }
        haltedUpgrade.ifPresent(why -> events.add(new FleetEvent(EventKind.UPGRADE_FAILED, "upgrade",
                "rolling upgrade halted: " + why, at)));
        return new Found(events, restarted);
    }

    private void node(Instant at, String container, Node n, List<FleetEvent> events, List<String> restarted) {
        String subject = container + "/" + n.service().value();
        Long uptime = n.readings().uptimeSeconds();
        if (uptime != null) {
            Long before = lastUptime.put(subject, uptime);
            if (before != null && uptime < before) {
                restarted.add(subject);
                restarts.computeIfAbsent(subject, k -> new ArrayDeque<>()).addLast(at);
            }
        }
        Deque<Instant> recent = restarts.getOrDefault(subject, new ArrayDeque<>());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(at.minus(CRASH_LOOP_WINDOW))) {
            recent.removeFirst();
        }
        if (recent.size() >= CRASH_LOOP_RESTARTS) {
            events.add(new FleetEvent(EventKind.CRASH_LOOPING, subject, "node " + subject + " restarted " + recent.size()
                    + " times in the last " + CRASH_LOOP_WINDOW.toMinutes() + " minutes", at));
        }
        if (n.status() == NodeStatus.UNKNOWN) {
            events.add(new FleetEvent(EventKind.NODE_DOWN, subject, "node " + subject + " does not answer its metrics", at));
        }
    }

    private Optional<FleetEvent> pressure(Instant at, Level l) {
        if (l.removeAbove() <= 0 || l.value() <= l.removeAbove()) {
            pressureSince.remove(l.resource());
            return Optional.empty();
        }
        Instant since = pressureSince.computeIfAbsent(l.resource(), k -> at);
        if (Duration.between(since, at).compareTo(PRESSURE_HELD) < 0) {
            return Optional.empty();
        }
        return Optional.of(new FleetEvent(EventKind.HOST_PRESSURE, l.resource(), String.format(java.util.Locale.ROOT,
                "host %s at %.1f, above its remove threshold %.1f since %s", l.resource(), l.value(), l.removeAbove(), since), at));
    }

    /** A cycle failed as a whole; the event comes once {@value #FAILING_CYCLES} failed in a row. */
    public synchronized List<FleetEvent> cycleFailed(Instant at, String error) {
        failedInARow++;
        if (failedInARow < FAILING_CYCLES) {
            return List.of();
        }
        return List.of(new FleetEvent(EventKind.CYCLE_FAILING, "run", failedInARow + " cycles in a row failed; last: " + error, at));
    }

    public List<FleetEvent> leaseLost(Instant at, String why) {
        return List.of(new FleetEvent(EventKind.LEASE_LOST, "lease", why, at));
    }
}
