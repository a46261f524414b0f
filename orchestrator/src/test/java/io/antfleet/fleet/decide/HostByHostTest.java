package io.antfleet.fleet.decide;

import static io.antfleet.fleet.decide.Fleets.IDLE;
import static io.antfleet.fleet.decide.Fleets.NOW;
import static io.antfleet.fleet.decide.Fleets.container;
import static io.antfleet.fleet.decide.Fleets.fleet;
import static io.antfleet.fleet.decide.Fleets.limits;
import static io.antfleet.fleet.decide.Fleets.render;
import static io.antfleet.fleet.decide.Fleets.running;
import static io.antfleet.fleet.decide.Fleets.settings;
import static io.antfleet.fleet.decide.Fleets.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.NodeStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Several hosts decided each on its own sample, timers and cap, with the fleet's node_cap and one roll on top. */
class HostByHostTest {
    private static final HostSample MEM_HIGH = IDLE.withMem(90);
    private final HostByHost byHost = new HostByHost(new DecisionEngine());

    private static HostByHost.HostInput host(String name, HostSample sample, ObservedFleetState state) {
        return new HostByHost.HostInput(name, state, Optional.ofNullable(sample), OptionalInt.empty(), Timers.none());
    }

    private static HostByHost.HostInput capped(String name, int cap, ObservedFleetState state) {
        return new HostByHost.HostInput(name, state, Optional.of(IDLE), OptionalInt.of(cap), Timers.none());
    }

    private static List<String> rendered(HostByHost.Result result) {
        return result.decisions().stream().map(Fleets::render).toList();
    }

    @Test
    void aHostUnderPressureShedsWhileTheOtherHostsGrowInTheSameCycle() {
        AutoscaleSettings s = limits(settings(), 1, 2, 1, 4).withNodeCap(20);
        HostByHost.Result result = byHost.decide(List.of(
                host("local", IDLE, fleet(container("a", 0, 5, running(1)))),
                host("far", MEM_HIGH, fleet(container("b", 0, 5, running(1), running(2)))),
                host("near", IDLE, fleet(container("c", 0, 5)))), s, NOW);

        assertThat(rendered(result)).containsExactly("ADD a +2", "STOP b [antnode2]", "ADD c +2");
        assertThat(result.decisions().get(1).reason()).startsWith("host far: ").contains("mem 90.0% > mem_remove 75%");
        assertThat(result.decisions().get(0).reason()).startsWith("host local: ");
        assertThat(result.timers()).containsOnlyKeys("local", "far", "near");
        assertThat(result.timers().get("far").lastOf(Timers.Kind.REMOVE)).contains(NOW);
        assertThat(result.timers().get("near").lastOf(Timers.Kind.REMOVE)).isEmpty();
    }

    @Test
    void theFleetsCapHoldsAcrossHostsTheFirstHostsTakingTheRoomFirst() {
        AutoscaleSettings s = limits(settings(), 1, 3, 1, 4).withNodeCap(4);
        HostByHost.Result result = byHost.decide(List.of(
                host("local", IDLE, fleet(container("a", 0, 5, running(1)))),
                host("far", IDLE, fleet(container("b", 0, 5, running(1)))),
                host("near", IDLE, fleet(container("c", 0, 5)))), s, NOW);

        assertThat(rendered(result)).containsExactly("ADD a +2", "SURVEY", "SURVEY");
        assertThat(result.decisions().get(1).reason()).contains("node_cap 1");
    }

    @Test
    void aFleetOverItsCapShedsOnlyTheExcessNotTheExcessOnEveryHost() {
        AutoscaleSettings s = limits(settings(), 1, 1, 3, 6).withNodeCap(3);
        HostByHost.Result result = byHost.decide(List.of(
                host("local", IDLE, fleet(container("a", 0, 5, running(1), running(2)))),
                host("far", IDLE, fleet(container("b", 0, 5, running(1), running(2))))), s, NOW);

        long removed = result.decisions().stream().filter(d -> d.action() == Action.REMOVE).mapToLong(d -> d.services().size()).sum();
        assertThat(removed).isEqualTo(1);
    }

    @Test
    void aHostsOwnCapLimitsItBelowTheFleetsCap() {
        AutoscaleSettings s = limits(settings(), 1, 3, 1, 4).withNodeCap(20);
        HostByHost.Result result = byHost.decide(List.of(
                capped("local", 20, fleet(container("a", 0, 9))),
                capped("far", 2, fleet(container("b", 0, 9, running(1))))), s, NOW);

        assertThat(rendered(result)).containsExactly("ADD a +3", "ADD b +1");
    }

    @Test
    void aRollingUpgradeGoesOneHostAtATime() {
        AutoscaleSettings s = limits(settings(), 1, 1, 1, 4).withTargetVersion("0.4.18");
        ObservedFleetState first = fleet(container("a", 0, 2, running(1), running(2)));
        ObservedFleetState second = fleet(container("b", 0, 2, running(1), running(2)));
        HostByHost.Result result = byHost.decide(List.of(host("local", IDLE, first), host("far", IDLE, second)), s, NOW);

        assertThat(rendered(result)).containsExactly("UPGRADE a [antnode1]", "SURVEY");

        ObservedFleetState firstDone = fleet(container("a", 0, 2, version(running(1), "0.4.18"), version(running(2), "0.4.18")));
        HostByHost.Result next = byHost.decide(List.of(host("local", IDLE, firstDone), host("far", IDLE, second)), s, NOW);
        assertThat(rendered(next)).containsExactly("SURVEY", "UPGRADE b [antnode1]");

        ObservedFleetState upgrading = fleet(container("b", 0, 2, Fleets.node(1, NodeStatus.UPGRADING), running(2)));
        assertThat(HostByHost.rollingHost(List.of(host("local", IDLE, first), host("far", IDLE, upgrading)), "0.4.18"))
                .as("the host already upgrading keeps the roll").isEqualTo("far");
    }

    @Test
    void aHostNothingMeasuredIsOnlySurveyedAndOneHostIsDecidedExactlyAsTheEngineDecides() {
        AutoscaleSettings s = limits(settings(), 1, 2, 1, 4);
        HostByHost.Result blind = byHost.decide(List.of(host("local", IDLE, fleet(container("a", 0, 5))),
                host("far", null, fleet(container("b", 0, 5)))), s, NOW);
        assertThat(rendered(blind)).containsExactly("ADD a +2", "SURVEY");
        assertThat(blind.decisions().get(1).reason()).contains("no resource figures");

        ObservedFleetState one = fleet(container("a", 0, 5, running(1)));
        HostByHost.Result alone = byHost.decide(List.of(host("local", MEM_HIGH, one)), s, NOW);
        Decisions engine = new DecisionEngine().decide(one, MEM_HIGH, s, Timers.none(), NOW);
        assertThat(alone.decisions()).isEqualTo(engine.list());
        assertThat(render(engine)).isNotEmpty();
    }
}
