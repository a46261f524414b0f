package io.antfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.engine.run.CycleReport;
import io.antfleet.engine.run.DockerView;
import io.antfleet.engine.run.RunTarget;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.Decision;
import io.antfleet.fleet.decide.DecisionEngine;
import io.antfleet.fleet.decide.Decisions;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.decide.ScalableContainer;
import io.antfleet.fleet.decide.ObservedFleetState;
import io.antfleet.fleet.decide.ObservedNode;
import io.antfleet.fleet.decide.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleCycleScenarioTest {
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    /** A meter whose clocks each cycle advances by the next (wall, cpu) pair. */
    private static final class StepMeter implements IdleCycleScenario.Meter {
        long wall;
        long cpu;
        long caller;

        @Override
        public long wallNanos() {
            return wall;
        }

        @Override
        public long cpuNanos() {
            return cpu;
        }

        @Override
        public long callerCpuNanos() {
            return caller;
        }
    }

    private static CycleReport report(int swept, int answering, Decision... decisions) {
        return new CycleReport(NOW, Duration.ZERO, HostSample.idle(), swept, answering,
                new Decisions(List.of(decisions), Timers.none()), Optional.empty(), List.of(),
                new DockerView(Map.of(), Optional.empty(), Map.of(), java.util.Set.of()));
    }

    private static CycleReport idle(int nodes) {
        return report(nodes, nodes, Decision.survey("host has room, but the fleet is full"));
    }

    @Test
    void theMediansOfTheMeasuredCyclesAreReportedAndWarmUpCyclesAreNotCounted() {
        StepMeter meter = new StepMeter();
        Deque<double[]> steps = new ArrayDeque<>();
        // warm-up cycles are slow (JIT); they must not count
        for (int i = 0; i < IdleCycleScenario.WARM_UP; i++) {
            steps.add(new double[] {9.0, 9.0});
        }
        double[][] measured = {{0.30, 0.20}, {0.50, 0.40}, {0.20, 0.10}, {0.40, 0.30}, {0.90, 0.45}, {0.35, 0.25},
                {0.25, 0.15}};
        steps.addAll(List.of(measured));
        IdleCycleScenario scenario = new IdleCycleScenario(() -> {
            double[] s = steps.removeFirst();
            meter.wall += (long) (s[0] * 1e9);
            meter.cpu += (long) (s[1] * 1e9);
            meter.caller += (long) (s[1] * 1e9 / 2);
            return idle(10);
        }, meter);

        ScenarioResult result = scenario.run(10);

        assertThat(steps).isEmpty();
        assertThat(result.name()).isEqualTo("idle-cycle");
        assertThat(result.antfleetSeconds()).isEqualTo(0.35);
        assertThat(result.floorSeconds()).isNull();
        assertThat(result.ratio()).isNull();
        assertThat(result.target()).isEqualTo("<= 0.3 s wall and <= 0.25 CPU-s");
        assertThat(result.met()).as("0.35 s is over the 0.30 s target").isFalse();
        assertThat(result.measured()).contains("wall median 0.350 s (best 0.200)", "median 0.250 CPU-s (best 0.100; of it the cycle's own thread, i.e. store and decide, median 0.125)",
                "7 cycles after 3 warm-up", "all answering");
    }

    @Test
    void theTargetIsMissedWhenEitherTheWallOrTheCpuMedianIsOverIt() {
        double[] fastWall = {0.2, 0.2, 0.2};
        double[] fastCpu = {0.1, 0.1, 0.1};
        assertThat(IdleCycleScenario.result(1000, 1000, fastWall, fastCpu, fastCpu).met()).isTrue();
        assertThat(IdleCycleScenario.result(1000, 1000, new double[] {0.4, 0.31, 0.1}, fastCpu, fastCpu).met()).isFalse();
        assertThat(IdleCycleScenario.result(1000, 1000, fastWall, new double[] {0.3, 0.1, 0.26}, fastCpu).met()).isFalse();
        assertThat(IdleCycleScenario.result(1000, 1000, new double[] {0.3, 0.3, 0.3}, new double[] {0.25, 0.25, 0.25}, fastCpu).met())
                .isTrue();
    }

    @Test
    void theScaleTargetAlsoHoldsThePeakResidentSetSize() {
        IdleCycleScenario.Target scale = IdleCycleScenario.Target.SCALE;
        assertThat(scale.describe()).isEqualTo("<= 1.5 s wall and <= 1.25 CPU-s and <= 320 MB peak RSS");
        assertThat(scale.met(1.5, 1.25, 320.0)).isTrue();
        assertThat(scale.met(1.4, 1.0, 321.0)).isFalse();
        assertThat(scale.met(1.4, 1.0, null)).as("an unknown peak cannot meet a memory target").isFalse();
        assertThat(scale.met(1.6, 1.0, 200.0)).isFalse();
        assertThat(IdleCycleScenario.Target.FIGURE.describe()).startsWith("none");
        assertThat(IdleCycleScenario.Target.FIGURE.met(99, 99, null)).isTrue();
    }

    @Test
    void theFewestNodesAnsweringInAMeasuredCycleAreReported() {
        assertThat(IdleCycleScenario.result(1000, 995, new double[] {0.2}, new double[] {0.1}, new double[] {0.05}).measured())
                .contains("at least 995 answering");
    }

    @Test
    void aCycleThatDecidesSomethingIsNotAnIdleCycle() {
        CycleReport busy = report(10, 10, Decision.add("bench-x-0", 1, "host has room"));
        assertThatThrownBy(() -> IdleCycleScenario.checkIdle(busy, 10)).isInstanceOf(AntfleetException.class)
                .hasMessageContaining("not idle");
    }

    @Test
    void aCycleWhereMoreThanOnePercentOfTheNodesDidNotAnswerIsRejected() {
        assertThat(IdleCycleScenario.checkIdle(report(1000, 990, Decision.survey("x")), 1000)).isEqualTo(990);
        assertThatThrownBy(() -> IdleCycleScenario.checkIdle(report(1000, 989, Decision.survey("x")), 1000))
                .hasMessageContaining("989 of 1000 nodes answered");
        assertThatThrownBy(() -> IdleCycleScenario.checkIdle(report(10, 9, Decision.survey("x")), 10))
                .hasMessageContaining("9 of 10 nodes answered");
        assertThatThrownBy(() -> IdleCycleScenario.checkIdle(report(8, 8, Decision.survey("x")), 10))
                .hasMessageContaining("10 expected");
    }

    @Test
    void theTargetNamesTheImportedContainersAndTheEngineDecidesNothingForAFullRunningFleet() {
        List<String> names = List.of("bench-ab12cd-0", "bench-ab12cd-1", "bench-ab12cd-2");
        RunTarget target = IdleCycleScenario.target(names, 5, "antfleet/agent:stand-in");

        assertThat(target.spec().containers()).extracting(c -> target.spec().dockerName(c.name())).isEqualTo(names);
        assertThat(target.settings().nodeCap()).isEqualTo(15);
        List<ScalableContainer> containers = new ArrayList<>();
        for (String name : names) {
            List<ObservedNode> nodes = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                nodes.add(new ObservedNode(ServiceName.ofNumber(n), NodeStatus.RUNNING, "0.4.17", NodeReadings.empty(),
                        NOW.minusSeconds(3600), NOW.minusSeconds(3600)));
            }
            containers.add(new ScalableContainer(name, 5, 5, nodes));
        }
        Decisions decisions = new DecisionEngine().decide(ObservedFleetState.of(containers), HostSample.idle(),
                target.settings(), Timers.none(), NOW);
        assertThat(decisions.changesNothing()).as(decisions.list().toString()).isTrue();
    }

    @Test
    void containersOutsideTheFirstOnesFleetAreRefused() {
        assertThatThrownBy(() -> IdleCycleScenario.target(List.of("bench-a-0", "other-b-1"), 5, "img"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
