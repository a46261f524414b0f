package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * wnm's decision cycle as a pure function (wnm-reference.md "The decision engine"), with its defects
 * fixed: cooldowns live in {@link Timers} that a survey cannot erase, a removal really removes the service
 * (so a DEAD node, antctl's Removed entry, has nothing left to remove and is left alone every cycle),
 * an outdated stopped node never blocks growth, nodes are placed across containers within their
 * min/max and node_cap, the removal strategy is honoured, and every action kind has its own limit
 * beside the overall one that in-flight nodes count against. No I/O, no clock: {@code now} is given.
 */
public final class DecisionEngine {

    public Decisions decide(ObservedFleetState state, HostSample sample, AutoscaleSettings settings, Timers timers,
            Instant now) {
        requireNonNull(state, "state is null");
        requireNonNull(sample, "sample is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(timers, "timers is null");
        requireNonNull(now, "now is null");
        if (state.rebootedSinceLastCycle()) {
            return new Decisions(List.of(Decision.survey("host booted at " + state.hostBootTime()
                    + ", after the last cycle at " + state.lastCycleAt() + " → re-survey every node, nothing else")), timers);
        }
        if (state.containers().isEmpty()) {
            return new Decisions(List.of(new Decision(Action.NONE, null, List.of(), 0, "no containers to drive")), timers);
        }
        List<ScalableContainer> open = state.containers().stream().filter(ScalableContainer::actionable).toList();
        if (open.isEmpty()) {
            return new Decisions(List.of(Decision.survey("no container can be acted on (down, or Docker unreachable)"
                    + " → survey only")), timers);
        }
        Maintenance maintenance = new Maintenance(open, settings);
        Step step = new Cycle(open, new FleetCounts(state.containers()), sample, settings, timers, now, maintenance).run();
        return new Decisions(step.decisions(), step.timers());
    }

    /** What one step of the cycle decided, and the timers after it. */
    record Step(List<Decision> decisions, Timers timers) {
        static Step survey(String reason, Timers timers) {
            return new Step(List.of(Decision.survey(reason)), timers);
        }
    }

    /**
     * One cycle's working state; the steps in wnm's order, each returning early when it acted. Only the
     * actionable containers are picked from; the counts cover every container, so node_cap holds the
     * nodes of a container that is down.
     */
    private static final class Cycle {
        private final List<ScalableContainer> containers;
        private final HostSample sample;
        private final AutoscaleSettings settings;
        private final Timers timers;
        private final Instant now;
        private final Maintenance maintenance;
        private final FleetCounts counts;
        private final long transitional;

        Cycle(List<ScalableContainer> containers, FleetCounts counts, HostSample sample, AutoscaleSettings settings,
                Timers timers, Instant now, Maintenance maintenance) {
            this.containers = containers;
            this.sample = sample;
            this.settings = settings;
            this.timers = timers;
            this.now = now;
            this.maintenance = maintenance;
            this.counts = counts;
            this.transitional = FleetCounts.count(containers, NodeStatus.UPGRADING)
                    + FleetCounts.count(containers, NodeStatus.RESTARTING) + FleetCounts.count(containers, NodeStatus.REMOVING);
        }

        Step run() {
            int maxOps = settings.concurrency().operations();
            if (transitional >= maxOps) {
                return Step.survey(transitional + " nodes in transition >= max_concurrent_operations " + maxOps
                        + " → wait, survey only", timers);
            }
            int budget = (int) (maxOps - transitional);
            Pressure pressure = Pressure.of(sample, settings.levels());
            Shedding shedding = new Shedding(containers, settings, counts);
            List<String> shedReasons = shedding.reasons(pressure);
            if (!shedReasons.isEmpty()) {
                return shed(shedding, pressure, String.join("; ", shedReasons), budget);
            }
            Optional<Step> upkeep = restartOrUpgrade(budget);
            if (upkeep.isPresent()) {
                return upkeep.get();
            }
            if (!pressure.blockers().isEmpty()) {
                return Step.survey("between the add and remove levels (" + String.join("; ", pressure.blockers())
                        + ") → hold, survey only", timers);
            }
            return grow(budget);
        }

        private Step shed(Shedding shedding, Pressure pressure, String reason, int budget) {
            Optional<Instant> cooling = timers.coolingUntil(Timers.Kind.REMOVE, settings.delays().remove(), now);
            if (cooling.isPresent()) {
                return Step.survey(reason + " → but delay_remove runs until " + cooling.get() + ", survey only", timers);
            }
            long removing = FleetCounts.count(containers, NodeStatus.REMOVING);
            int limit = (int) Math.min(settings.concurrency().removals() - removing, budget);
            if (limit <= 0) {
                return Step.survey(reason + " → but " + removing + " removals in flight >= max_concurrent_removals", timers);
            }
            Picks picks = shedding.pick(pressure, limit, reason);
            if (picks.isEmpty()) {
                return Step.survey(reason + " → but no container may lose a node (each is at its min)", timers);
            }
            return new Step(picks.decisions(), timers.with(Timers.Kind.REMOVE, now));
        }

        private Optional<Step> restartOrUpgrade(int budget) {
            if (maintenance.anyRestartable(now)) {
                Optional<Instant> cooling = timers.coolingUntil(Timers.Kind.RESTART, settings.delays().restart(), now);
                if (cooling.isEmpty()) {
                    Picks picks = maintenance.restarts(budget, now);
                    return Optional.of(new Step(picks.decisions(), timers.with(Timers.Kind.RESTART, now)));
                }
            }
            if (!maintenance.anyOutdatedRunning()) {
                return Optional.empty();
            }
            long upgrading = FleetCounts.count(containers, NodeStatus.UPGRADING);
            int limit = (int) Math.min(settings.concurrency().upgrades() - upgrading, budget);
            Optional<Instant> cooling = timers.coolingUntil(Timers.Kind.UPGRADE, settings.delays().upgrade(), now);
            if (limit <= 0 || cooling.isPresent()) {
                String why = limit <= 0 ? upgrading + " upgrades in flight >= max_concurrent_upgrades"
                        : "delay_upgrade runs until " + cooling.get();
                return Optional.of(Step.survey("outdated running nodes wait: " + why + ", survey only", timers));
            }
            return Optional.of(new Step(maintenance.upgrades(limit).decisions(), timers.with(Timers.Kind.UPGRADE, now)));
        }

        private Step grow(int budget) {
            if (transitional > 0) {
                return Step.survey(transitional + " nodes in transition → no growth until they settle", timers);
            }
            Optional<Instant> cooling = timers.coolingUntil(Timers.Kind.START, settings.delays().start(), now);
            if (cooling.isPresent()) {
                return Step.survey("host has room, but delay_start runs until " + cooling.get() + ", survey only", timers);
            }
            int limit = Math.min(settings.concurrency().starts(), budget);
            Picks picks = new Growth(containers, settings, counts).pick(limit);
            if (picks.isEmpty()) {
                return Step.survey("host has room, but the fleet is full (" + counts.total() + " nodes, node_cap "
                        + settings.nodeCap() + ", every container at its max) → survey only", timers);
            }
            return new Step(picks.decisions(), timers.with(Timers.Kind.START, now));
        }
    }
}
