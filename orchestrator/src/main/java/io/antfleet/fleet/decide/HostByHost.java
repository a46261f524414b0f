package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The decision cycle of a fleet spread over several hosts: each host is decided on its own resources, its own
 * cooldown timers and its own node cap (a host's {@code autoscale: {nodeCap}}, else the fleet's), with the fleet's
 * node_cap on top: hosts are decided in order, and each sees the fleet's total as the hosts before it left it, so
 * the hosts together never add past the fleet's cap, and a fleet over its cap sheds only the excess. A rolling
 * upgrade goes one host at a time (the host already upgrading, else the first with outdated running nodes), so
 * max_concurrent_upgrades holds for the whole fleet and the health gate halts the roll before a second host is
 * touched. With one host this is exactly {@link DecisionEngine#decide}. Pure: no I/O, no clock.
 */
public final class HostByHost {
    private final DecisionEngine engine;

    public HostByHost(DecisionEngine engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    /**
     * One host's part of the cycle: its containers, its sample (empty when nothing measured it this cycle: that host
     * is then only surveyed), its own node cap, and its timers.
     */
    public record HostInput(String host, ObservedFleetState state, java.util.Optional<HostSample> sample, OptionalInt nodeCap,
            Timers timers) {
        public HostInput {
            requireNonNull(host, "host is null");
            requireNonNull(state, "state is null");
            requireNonNull(sample, "sample is null");
            requireNonNull(nodeCap, "nodeCap is null");
            requireNonNull(timers, "timers is null");
        }
    }

    /** Every host's decisions in one list (reasons name the host when there are several), and each host's timers. */
    public record Result(List<Decision> decisions, Map<String, Timers> timers) {
        public Result {
            decisions = List.copyOf(decisions);
            timers = Map.copyOf(timers);
        }
    }

    public Result decide(List<HostInput> hosts, AutoscaleSettings settings, Instant now) {
        long fleetTotal = hosts.stream().mapToLong(h -> registered(h.state())).sum();
        String rolling = rollingHost(hosts, settings.targetVersion());
        boolean named = hosts.size() > 1;
        List<Decision> all = new ArrayList<>();
        Map<String, Timers> timers = new LinkedHashMap<>();
        for (HostInput h : hosts) {
            long total = registered(h.state());
            int fleetRoom = (int) Math.max(0, settings.nodeCap() - (fleetTotal - total));
            AutoscaleSettings own = settings.withNodeCap(Math.min(h.nodeCap().orElse(settings.nodeCap()), fleetRoom));
            if (rolling != null && !rolling.equals(h.host())) {
                own = own.withTargetVersion(null);
            }
            Decisions d = h.sample().isPresent() ? engine.decide(h.state(), h.sample().get(), own, h.timers(), now)
                    : new Decisions(List.of(Decision.survey("no resource figures from this host this cycle (no probe"
                            + " answered there) → survey only")), h.timers());
            for (Decision one : d.list()) {
                fleetTotal += one.action() == Action.ADD ? one.count() : one.action() == Action.REMOVE ? -one.services().size() : 0;
                all.add(named ? named(h.host(), one) : one);
            }
            timers.put(h.host(), d.timers());
        }
        return new Result(all, timers);
    }

    private static Decision named(String host, Decision d) {
        return new Decision(d.action(), d.container(), d.services(), d.count(), "host " + host + ": " + d.reason());
    }

    private static long registered(ObservedFleetState state) {
        return state.containers().stream().mapToLong(ScalableContainer::registered).sum();
    }

    /** The host whose turn it is in a rolling upgrade: one upgrading already, else the first with outdated running nodes. */
    static String rollingHost(List<HostInput> hosts, String target) {
        if (target == null) {
            return null;
        }
        for (HostInput h : hosts) {
            if (h.state().containers().stream().flatMap(c -> c.nodes().stream()).anyMatch(n -> n.status() == NodeStatus.UPGRADING)) {
                return h.host();
            }
        }
        for (HostInput h : hosts) {
            if (h.state().containers().stream().filter(ScalableContainer::actionable).flatMap(c -> c.nodes().stream())
                    .anyMatch(n -> n.status() == NodeStatus.RUNNING && Versions.isOlder(n.version(), target))) {
                return h.host();
            }
        }
        return null;
    }
}
