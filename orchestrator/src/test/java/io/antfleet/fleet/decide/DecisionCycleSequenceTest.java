package io.antfleet.fleet.decide;

import static io.antfleet.fleet.decide.Fleets.IDLE;
import static io.antfleet.fleet.decide.Fleets.NOW;
import static io.antfleet.fleet.decide.Fleets.container;
import static io.antfleet.fleet.decide.Fleets.fleet;
import static io.antfleet.fleet.decide.Fleets.render;
import static io.antfleet.fleet.decide.Fleets.running;
import static io.antfleet.fleet.decide.Fleets.settings;
import static io.antfleet.fleet.decide.Fleets.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.ServiceName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that span cycles (timers carried from one decision to the next) and the input records' guards. */
class DecisionCycleSequenceTest {
    private final DecisionEngine engine = new DecisionEngine();
    private final AutoscaleSettings withDelays = settings().withDelays(Delays.defaults());

    @Test
    void aSurveyInBetweenDoesNotEraseTheStartCooldown() {
        ObservedFleetState state = fleet(container("c1", 0, 9, running(1)));
        Decisions added = engine.decide(state, IDLE, withDelays, Timers.none(), NOW);
        Decisions survey = engine.decide(state, IDLE.withCpu(60), withDelays, added.timers(), NOW.plusSeconds(60));
        Decisions again = engine.decide(state, IDLE, withDelays, survey.timers(), NOW.plusSeconds(120));

        assertThat(render(added)).containsExactly("ADD c1 +1");
        assertThat(added.timers().lastOf(Timers.Kind.START)).contains(NOW);
        assertThat(render(survey)).containsExactly("SURVEY");
        assertThat(survey.timers()).isEqualTo(added.timers());
        assertThat(render(again)).containsExactly("SURVEY");
        assertThat(again.list().get(0).reason()).contains("delay_start runs until " + NOW.plusSeconds(300));
    }

    @Test
    void theGrowthResumesExactlyWhenDelayStartHasPassed() {
        ObservedFleetState state = fleet(container("c1", 0, 9, running(1)));
        Decisions added = engine.decide(state, IDLE, withDelays, Timers.none(), NOW);

        assertThat(render(engine.decide(state, IDLE, withDelays, added.timers(), NOW.plusSeconds(299)))).containsExactly("SURVEY");
        assertThat(render(engine.decide(state, IDLE, withDelays, added.timers(), NOW.plusSeconds(300)))).containsExactly("ADD c1 +1");
    }

    @Test
    void aStopStartsTheRemoveCooldownButNotTheStartCooldown() {
        ObservedFleetState state = fleet(container("c1", 0, 9, running(1), running(2)));
        Decisions stopped = engine.decide(state, IDLE.withCpu(90), withDelays, Timers.none(), NOW);

        assertThat(stopped.timers().lastOf(Timers.Kind.REMOVE)).contains(NOW);
        assertThat(stopped.timers().lastOf(Timers.Kind.START)).isEmpty();
    }

    @Test
    void aRollingUpgradeAdvancesOneBatchPerCycleAsUpgradedNodesComeBack() {
        AutoscaleSettings target = settings().withTargetVersion("0.4.17");
        ObservedFleetState before = fleet(container("c1", 0, 2, version(running(1), "0.4.1"), version(running(2), "0.4.1")));
        ObservedFleetState halfway = fleet(container("c1", 0, 2, running(1), version(running(2), "0.4.1")));

        assertThat(render(engine.decide(before, IDLE, target, Timers.none(), NOW))).containsExactly("UPGRADE c1 [antnode1]");
        assertThat(render(engine.decide(halfway, IDLE, target, Timers.none(), NOW))).containsExactly("UPGRADE c1 [antnode2]");
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertThat(Versions.compare("0.4.9", "0.4.17")).isNegative();
        assertThat(Versions.compare("v0.4.17", "0.4.17")).isZero();
        assertThat(Versions.compare("0.4.17-rc.1", "0.4.17")).isNegative();
        assertThat(Versions.compare("1.0", "0.99.99")).isPositive();
        assertThat(Versions.isOlder(null, "0.4.17")).isFalse();
        assertThat(Versions.isOlder("garbage", "0.4.17")).isFalse();
    }

    @Test
    void settingsWithAnAddLevelAboveTheRemoveLevelAreRefused() {
        assertThatThrownBy(() -> new ResourceLevels(80, 70, 60, 75, 75, 90, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu add level 80.0 is above its remove level 70.0");
    }

    @Test
    void wnmDefaultsFollowTheCoreCount() {
        AutoscaleSettings d = AutoscaleSettings.defaults(2);

        assertThat(d.nodeCap()).isEqualTo(20);
        assertThat(d.levels().desiredLoadAverage()).isEqualTo(1.2);
        assertThat(d.levels().maxLoadAverageAllowed()).isEqualTo(2.0);
        assertThat(d.delays().restart().toSeconds()).isEqualTo(600);
        assertThat(d.concurrency()).isEqualTo(ConcurrencyLimits.ones());
    }

    @Test
    void removalStrategiesAreNamedAsUsersWriteThem() {
        assertThat(RemovalStrategy.fromLabel("fewest-records")).isEqualTo(RemovalStrategy.FEWEST_RECORDS);
        assertThatThrownBy(() -> RemovalStrategy.fromLabel("oldest")).hasMessageContaining("youngest, fewest-records, most-shunned");
    }

    @Test
    void aContainerWithMaxBelowMinIsRefused() {
        assertThatThrownBy(() -> new ScalableContainer("c1", 3, 2, List.of())).hasMessageContaining("min 3, max 2");
    }

    @Test
    void aDecisionOnServicesMustNameSome() {
        assertThatThrownBy(() -> Decision.onServices(Action.STOP, "c1", List.<ServiceName>of(), "x"))
                .hasMessageContaining("names no services");
        assertThatThrownBy(() -> Decision.add("c1", 0, "x")).hasMessageContaining("count >= 1");
    }
}
