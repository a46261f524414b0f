package io.antfleet.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a cycle tells the operator, by kind. */
class EventDetectorTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final EventDetector detector = new EventDetector();

    private static Node node(int number, NodeStatus status, Long uptime) {
        NodeReadings r = new NodeReadings(null, null, uptime, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        return new Node(1L, 1L, ServiceName.ofNumber(number), status, null, null, null, null, null, null, null, null, null,
                r, T0, T0);
    }

    private List<EventKind> kinds(Instant at, Map<String, List<Node>> nodes, Map<String, String> down, List<EventDetector.Level> levels,
            Optional<String> halted) {
        return detector.cycle(at, nodes, down, levels, halted).events().stream().map(FleetEvent::kind).toList();
    }

    @Test
    void aSilentNodeIsDownAStoppedOneIsNot() {
        List<FleetEvent> events = detector.cycle(T0, Map.of("c", List.of(node(1, NodeStatus.UNKNOWN, null),
                node(2, NodeStatus.STOPPED, null), node(3, NodeStatus.RUNNING, 50L))), Map.of(), List.of(), Optional.empty()).events();

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.NODE_DOWN);
            assertThat(e.subject()).isEqualTo("c/antnode1");
        });
    }

    @Test
    void twoRestartsAreNotALoopThreeWithinFifteenMinutesAre() {
        long[] uptimes = {500, 10, 8, 900, 6};
        List<List<EventKind>> seen = new java.util.ArrayList<>();
        for (int i = 0; i < uptimes.length; i++) {
            seen.add(kinds(T0.plus(Duration.ofMinutes(5L * i)), Map.of("c", List.of(node(1, NodeStatus.RUNNING, uptimes[i]))),
                    Map.of(), List.of(), Optional.empty()));
        }
        // restarts at 5 and 10 min (two), then at 20 min: three within [5, 20]
        assertThat(seen.subList(0, 4)).allSatisfy(k -> assertThat(k).isEmpty());
        assertThat(seen.get(4)).containsExactly(EventKind.CRASH_LOOPING);
        // six minutes on, the restarts at 5 and 10 min have left the window: only the one at 20 is in it
        assertThat(kinds(T0.plus(Duration.ofMinutes(26)), Map.of("c", List.of(node(1, NodeStatus.RUNNING, 400L))), Map.of(), List.of(),
                Optional.empty())).isEmpty();
    }

    @Test
    void hostPressureCountsOnlyOnceHeldForTenMinutesAndAZeroThresholdIsOff() {
        List<EventDetector.Level> over = List.of(new EventDetector.Level("cpu", 85, 70), new EventDetector.Level("hdio", 99, 0));
        assertThat(kinds(T0, Map.of(), Map.of(), over, Optional.empty())).isEmpty();
        assertThat(kinds(T0.plus(Duration.ofMinutes(9)), Map.of(), Map.of(), over, Optional.empty())).isEmpty();
        assertThat(kinds(T0.plus(Duration.ofMinutes(10)), Map.of(), Map.of(), over, Optional.empty())).containsExactly(EventKind.HOST_PRESSURE);
        // a cycle below the threshold starts the count again
        assertThat(kinds(T0.plus(Duration.ofMinutes(11)), Map.of(), Map.of(), List.of(new EventDetector.Level("cpu", 60, 70)),
                Optional.empty())).isEmpty();
        assertThat(kinds(T0.plus(Duration.ofMinutes(12)), Map.of(), Map.of(), over, Optional.empty())).isEmpty();
    }

    @Test
    void containersDownAndAHaltedRollAreToldEveryCycle() {
        assertThat(kinds(T0, Map.of(), Map.of("fleet-b", "not running"), List.of(), Optional.of("antnode2 failed")))
                .containsExactly(EventKind.CONTAINER_DOWN, EventKind.UPGRADE_FAILED);
    }

    @Test
    void aCycleFailingIsToldFromTheThirdFailureInARowAndASuccessResetsIt() {
        assertThat(detector.cycleFailed(T0, "db away")).isEmpty();
        assertThat(detector.cycleFailed(T0, "db away")).isEmpty();
        assertThat(detector.cycleFailed(T0, "db away")).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("3 cycles in a row failed; last: db away"));
        detector.cycle(T0, Map.of(), Map.of(), List.of(), Optional.empty());
        assertThat(detector.cycleFailed(T0, "db away")).isEmpty();
    }
}
