package io.antfleet.fleet.decide;

import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A small language for engine test tables: nodes are created one minute apart by number (higher = younger). */
final class Fleets {
    static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(1));
    static final String CURRENT = "0.4.17";

    static final HostSample IDLE = new HostSample(10, 20, 30, 0.5, 0.5, 0.5, 0, 0, 0, 0);

    private Fleets() {
    }

    static ObservedNode node(int number, NodeStatus status) {
        return new ObservedNode(ServiceName.ofNumber(number), status, CURRENT, NodeReadings.empty(),
                T0.plus(Duration.ofMinutes(number)), T0.plus(Duration.ofMinutes(number)));
    }

    static ObservedNode running(int number) {
        return node(number, NodeStatus.RUNNING);
    }

    static ObservedNode stopped(int number) {
        return node(number, NodeStatus.STOPPED);
    }

    static ObservedNode version(ObservedNode n, String version) {
        return new ObservedNode(n.service(), n.status(), version, n.readings(), n.createdAt(), n.statusChangedAt());
    }

    static ObservedNode since(ObservedNode n, Instant changedAt) {
        return new ObservedNode(n.service(), n.status(), n.version(), n.readings(), n.createdAt(), changedAt);
    }

    static ObservedNode created(ObservedNode n, Instant createdAt) {
        return new ObservedNode(n.service(), n.status(), n.version(), n.readings(), createdAt, n.statusChangedAt());
    }

    static ObservedNode records(ObservedNode n, Long records, Long shunned) {
        NodeReadings r = new NodeReadings(null, null, null, records, null, null, null, null, null, null, shunned,
                null, null, null, null, null, null, null);
        return new ObservedNode(n.service(), n.status(), n.version(), r, n.createdAt(), n.statusChangedAt());
    }

    static ScalableContainer container(String name, int min, int max, ObservedNode... nodes) {
        return new ScalableContainer(name, min, max, List.of(nodes));
    }

    /** A container Docker reports down (or could not be asked about): nothing may be planned into it. */
    static ScalableContainer down(String name, int min, int max, ObservedNode... nodes) {
        return new ScalableContainer(name, min, max, List.of(nodes), false);
    }

    static ObservedFleetState fleet(ScalableContainer... containers) {
        return ObservedFleetState.of(List.of(containers));
    }

    /** Test settings: wnm defaults for 4 cores (load 2.4 / 4), no delays, every limit 1. */
    static AutoscaleSettings settings() {
        return AutoscaleSettings.defaults(4).withDelays(Delays.none());
    }

    static AutoscaleSettings limits(AutoscaleSettings s, int upgrades, int starts, int removals, int operations) {
        return s.withConcurrency(new ConcurrencyLimits(upgrades, starts, removals, operations));
    }

    static AutoscaleSettings io(AutoscaleSettings s, double netWriteLess, double netWriteRemove, double hdReadLess,
            double hdReadRemove) {
        ResourceLevels l = s.levels();
        return s.withLevels(new ResourceLevels(l.cpuLessThan(), l.cpuRemove(), l.memLessThan(), l.memRemove(),
                l.hdLessThan(), l.hdRemove(), l.desiredLoadAverage(), l.maxLoadAverageAllowed(), hdReadLess,
                hdReadRemove, 0, 0, 0, 0, netWriteLess, netWriteRemove));
    }

    /** {@code ADD c1 +2}, {@code STOP c1 [antnode3]}, {@code SURVEY}, {@code NONE}. */
    static String render(Decision d) {
        switch (d.action()) {
            case ADD:
                return "ADD " + d.container() + " +" + d.count();
            case SURVEY:
            case NONE:
                return d.action().name();
            default:
                return d.action() + " " + d.container() + " "
                        + d.services().stream().map(ServiceName::value).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    static List<String> render(Decisions decisions) {
        return decisions.list().stream().map(Fleets::render).collect(Collectors.toList());
    }

    static List<String> expect(String... rendered) {
        return Arrays.asList(rendered);
    }
}
