package io.antfleet.fleet.plan;

import static io.antfleet.fleet.NodeStatus.DEAD;
import static io.antfleet.fleet.NodeStatus.DISABLED;
import static io.antfleet.fleet.NodeStatus.REMOVING;
import static io.antfleet.fleet.NodeStatus.RUNNING;
import static io.antfleet.fleet.NodeStatus.STOPPED;
import static io.antfleet.fleet.NodeStatus.UNKNOWN;
import static io.antfleet.fleet.NodeStatus.UPGRADING;
import static io.antfleet.fleet.plan.PlannerFixtures.fixed;
import static io.antfleet.fleet.plan.PlannerFixtures.fleet;
import static io.antfleet.fleet.plan.PlannerFixtures.observed;
import static io.antfleet.fleet.plan.PlannerFixtures.range;
import static io.antfleet.fleet.plan.PlannerFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.spec.FleetSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FleetPlannerTest {
    private final FleetPlanner planner = new FleetPlanner();

    static Stream<Arguments> cases() {
        return Stream.of(
                of("an empty host gets every container created and filled",
                        spec(fixed("alpha", 3), fixed("beta", 2)), fleet(), false,
                        "create-container alpha 55000-55099",
                        "add-nodes alpha [antnode1, antnode2, antnode3] 55000-55002/13000-13002/30000-30002",
                        "create-container beta 55100-55199",
                        "add-nodes beta [antnode1, antnode2] 55100-55101/13100-13101/30100-30101"),
                of("a fleet that matches the spec needs nothing",
                        spec(fixed("alpha", 2)), fleet(observed("alpha", 0, RUNNING, RUNNING)), false),
                of("a stopped node is started before anything is added",
                        spec(fixed("alpha", 3)), fleet(observed("alpha", 0, RUNNING, STOPPED, RUNNING)), false,
                        "start-nodes alpha [antnode2]"),
                of("scaling up starts the oldest stopped nodes, then adds after the highest number",
                        spec(fixed("alpha", 5)), fleet(observed("alpha", 0, RUNNING, STOPPED, STOPPED)), false,
                        "start-nodes alpha [antnode2, antnode3]",
                        "add-nodes alpha [antnode4, antnode5] 55003-55004/13003-13004/30003-30004"),
                of("scaling down stops and removes the youngest running nodes",
                        spec(fixed("alpha", 2)), fleet(observed("alpha", 0, RUNNING, RUNNING, RUNNING, RUNNING)), false,
                        "stop-nodes alpha [antnode4, antnode3]",
                        "remove-nodes alpha [antnode4, antnode3]"),
                of("surplus stopped nodes of a fixed count are removed",
                        spec(fixed("alpha", 2)), fleet(observed("alpha", 0, RUNNING, RUNNING, STOPPED)), false,
                        "remove-nodes alpha [antnode3]"),
                of("scaling down to zero removes stopped and running nodes",
                        spec(fixed("alpha", 0)), fleet(observed("alpha", 0, RUNNING, STOPPED)), false,
                        "stop-nodes alpha [antnode1]", "remove-nodes alpha [antnode2, antnode1]"),
                of("disabled nodes are left alone and do not count",
                        spec(fixed("alpha", 2)), fleet(observed("alpha", 0, RUNNING, DISABLED)), false,
                        "add-nodes alpha [antnode3] 55002/13002/30002"),
                of("dead nodes keep their numbers and ports, so adds go past them",
                        spec(fixed("alpha", 2)), fleet(observed("alpha", 0, DEAD, RUNNING, DEAD)), false,
                        "add-nodes alpha [antnode4] 55003/13003/30003"),
                of("removing and upgrading nodes are not touched; upgrading counts as running",
                        spec(fixed("alpha", 2)), fleet(observed("alpha", 0, UPGRADING, REMOVING)), false,
                        "add-nodes alpha [antnode3] 55002/13002/30002"),
                of("an unknown node counts as running so apply adds no duplicate",
                        spec(fixed("alpha", 2)), fleet(observed("alpha", 0, UNKNOWN, RUNNING)), false),
                of("a range starts and adds up to min",
                        spec(range("alpha", 3, 10)), fleet(observed("alpha", 0, RUNNING, STOPPED)), false,
                        "start-nodes alpha [antnode2]", "add-nodes alpha [antnode3] 55002/13002/30002"),
                of("a range leaves anything between min and max to autoscale",
                        spec(range("alpha", 1, 4)), fleet(observed("alpha", 0, RUNNING, RUNNING, STOPPED)), false),
                of("a range above max stops and removes the youngest running",
                        spec(range("alpha", 0, 1)), fleet(observed("alpha", 0, RUNNING, RUNNING, RUNNING)), false,
                        "stop-nodes alpha [antnode3, antnode2]", "remove-nodes alpha [antnode3, antnode2]"),
                of("a range with too many stopped nodes removes the youngest stopped",
                        spec(range("alpha", 0, 2)), fleet(observed("alpha", 0, RUNNING, STOPPED, STOPPED)), false,
                        "remove-nodes alpha [antnode3]"),
                of("a container dropped from the spec is kept without prune",
                        spec(fixed("alpha", 1)), fleet(observed("alpha", 0, RUNNING), observed("beta", 1, RUNNING)), false),
                of("a container dropped from the spec is emptied and removed with prune",
                        spec(fixed("alpha", 1)), fleet(observed("alpha", 0, RUNNING), observed("beta", 1, RUNNING, STOPPED, DEAD)), true,
                        "stop-nodes beta [antnode1]", "remove-nodes beta [antnode2, antnode1]", "remove-container beta"),
                of("a stopped container is started and its nodes started again",
                        spec(fixed("alpha", 2)), fleet(observed("alpha", 0, false, RUNNING, STOPPED)), false,
                        "start-container alpha", "start-nodes alpha [antnode1, antnode2]"),
                of("a new container takes the lowest free block even when an older one sits higher",
                        spec(fixed("alpha", 1), fixed("gamma", 1)), fleet(observed("alpha", 2, RUNNING)), false,
                        "create-container gamma 55000-55099",
                        "add-nodes gamma [antnode1] 55000/13000/30000"),
                of("an imported container without a block gets one before nodes are added",
                        spec(fixed("alpha", 1)),
                        fleet(new ObservedContainer("alpha", "docker-alpha", true, Optional.empty(), List.of())), false,
                        "assign-ports alpha 55000-55099",
                        "add-nodes alpha [antnode1] 55000/13000/30000"),
                of("adds take the free ports after those of every existing node, dead ones included",
                        spec(fixed("alpha", 5)), fleet(observed("alpha", 0, RUNNING, DEAD, RUNNING)), false,
                        "add-nodes alpha [antnode4, antnode5, antnode6] 55003-55005/13003-13005/30003-30005"));
    }

    private static Arguments of(String name, FleetSpec spec, ObservedFleet actual, boolean prune, String... expected) {
        return Arguments.of(name, spec, actual, prune, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thePlanIsTheExpectedOneAndPlanningItsResultGivesNothing(String name, FleetSpec spec, ObservedFleet actual,
            boolean prune, List<String> expected) {
        Plan plan = planner.plan(spec, actual, prune);

        assertThat(plan.actions().stream().map(FleetPlannerTest::describe).collect(Collectors.toList())).as(name)
                .containsExactlyElementsOf(expected);
        ObservedFleet after = PlanSimulator.apply(actual, plan);
        assertThat(planner.plan(spec, after, prune).actions()).as("re-plan of " + name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anApplyKilledAfterAnyStepConvergesOnTheNextOne(String name, FleetSpec spec, ObservedFleet actual, boolean prune,
            List<String> expected) {
        Plan plan = planner.plan(spec, actual, prune);
        for (int done = 0; done < plan.actions().size(); done++) {
            for (boolean addedButNotStarted : new boolean[] {false, true}) {
                ObservedFleet killed = PlanSimulator.apply(actual, new Plan(plan.actions().subList(0, done), List.of()));
                PlanStep last = plan.actions().get(done);
                if (addedButNotStarted && last instanceof PlanStep.AddNodes) {
                    killed = PlanSimulator.stopAll(PlanSimulator.apply(killed, new Plan(List.of(last), List.of())), last.container(),
                            last.services());
                }
                ObservedFleet rerun = PlanSimulator.apply(killed, planner.plan(spec, killed, prune));

                assertThat(planner.plan(spec, rerun, prune).actions()).as(name + " killed after " + done + " steps").isEmpty();
                assertThat(rerun.containers()).allSatisfy(c -> assertThat(c.nodes().stream().map(n -> n.service()).distinct().count())
                        .isEqualTo(c.nodes().size()));
            }
        }
    }

    private static io.antfleet.fleet.spec.SpecContainer pinned(String name, int n, String version) {
        io.antfleet.fleet.spec.SpecContainer c = fixed(name, n);
        return new io.antfleet.fleet.spec.SpecContainer(c.name(), c.nodes(), c.limits(), c.image(), c.processManager(),
                c.rewardsAddress(), c.network(), c.noUpnp(), new io.antfleet.fleet.spec.AntnodeSource.Version(version));
    }

    @Test
    void nodesAheadOfTheSpecsPinAreKeptAndNamedInANoteNeverDowngraded() {
        FleetSpec desired = spec(pinned("alpha", 2, "0.4.16"), pinned("beta", 1, "0.4.17"), pinned("gamma", 1, "0.4.18"));

        Plan plan = planner.plan(desired, fleet(observed("alpha", 0, RUNNING, RUNNING, DEAD), observed("beta", 1, RUNNING),
                observed("gamma", 2, RUNNING)), false);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.notes()).containsExactly(
                "alpha/antnode1 runs 0.4.17, ahead of the spec's antnode 0.4.16: kept (antfleet never downgrades a node)",
                "alpha/antnode2 runs 0.4.17, ahead of the spec's antnode 0.4.16: kept (antfleet never downgrades a node)");
    }

    @Test
    void containersKeepTheirBlocksWhenTheSpecOrderChanges() {
        FleetSpec first = spec(fixed("alpha", 1), fixed("beta", 1));
        ObservedFleet applied = PlanSimulator.apply(ObservedFleet.EMPTY, planner.plan(first, ObservedFleet.EMPTY, false));

        FleetSpec reordered = spec(fixed("delta", 1), fixed("beta", 1), fixed("alpha", 1));
        Plan plan = planner.plan(reordered, applied, false);

        assertThat(plan.actions().stream().map(FleetPlannerTest::describe).collect(Collectors.toList()))
                .containsExactly("create-container delta 55200-55299", "add-nodes delta [antnode1] 55200/13200/30200");
        ObservedFleet after = PlanSimulator.apply(applied, plan);
        assertThat(after.container("alpha").flatMap(ObservedContainer::ports).map(PortBlock::node).orElseThrow().first()).isEqualTo(55000);
        assertThat(after.container("beta").flatMap(ObservedContainer::ports).map(PortBlock::node).orElseThrow().first()).isEqualTo(55100);
    }

    @Test
    void scalingDownAndUpAgainNeverReusesTheNumbersOrPortsOfRemovedNodes() {
        FleetSpec four = spec(fixed("alpha", 4));
        ObservedFleet state = PlanSimulator.apply(ObservedFleet.EMPTY, planner.plan(four, ObservedFleet.EMPTY, false));
        state = PlanSimulator.apply(state, planner.plan(spec(fixed("alpha", 2)), state, false));

        Plan up = planner.plan(four, state, false);

        assertThat(up.actions().stream().map(FleetPlannerTest::describe).collect(Collectors.toList()))
                .containsExactly("add-nodes alpha [antnode5, antnode6] 55004-55005/13004-13005/30004-30005");
    }

    @Test
    void anotherFleetWithTheSamePortPlanOnTheHostGetsBlocksClearOfItsNeighbours() {
        PortBlock neighbour0 = PlannerFixtures.PORTS.block(0);
        PortBlock neighbour2 = PlannerFixtures.PORTS.block(2);
        ObservedFleet nothingYet = new ObservedFleet(List.of(), new Neighbours(List.of(neighbour0, neighbour2),
                java.util.Map.of("work-alpha", "container 'alpha' of fleet 'work'")));

        Plan plan = planner.plan(spec(fixed("alpha", 1), fixed("beta", 1)), nothingYet, false);

        assertThat(plan.actions().stream().map(FleetPlannerTest::describe).filter(a -> a.startsWith("create"))
                .collect(Collectors.toList())).containsExactly("create-container alpha 55100-55199", "create-container beta 55300-55399");
    }

    @Test
    void aDockerNameThatAContainerOfAnotherFleetHoldsIsRefusedNamingBoth() {
        // fleet "home" + container "b-c" and fleet "home-b" + container "c" are both home-b-c
        ObservedFleet beside = new ObservedFleet(List.of(), new Neighbours(List.of(),
                java.util.Map.of("home-b-c", "container 'c' of fleet 'home-b'")));

        assertThatThrownBy(() -> planner.plan(spec(fixed("b-c", 1)), beside, false)).isInstanceOf(NameTakenException.class)
                .hasMessageContaining("container 'b-c' of fleet 'home' would be named 'home-b-c', which is the name of"
                        + " container 'c' of fleet 'home-b'");
    }

    @Test
    void aBlockWithTooFewFreePortsIsAnErrorNamingTheContainer() {
        FleetSpec spec = new FleetSpec("home", new io.antfleet.fleet.spec.PortPlan(55000, 13000, 30000, 3),
                List.of(fixed("alpha", 3)), io.antfleet.fleet.spec.Autoscale.DEFAULTS, List.of());
        ObservedContainer full = new ObservedContainer("alpha", "d", true,
                Optional.of(spec.ports().block(0)), List.of(PlannerFixtures.node(1, DEAD, 55000, 13000, 30000)));

        assertThatThrownBy(() -> planner.plan(spec, fleet(full), false)).isInstanceOf(AntfleetException.class)
                .hasMessageContaining("container 'alpha' has 2 free ports in its block 55000-55002 but needs 3");
    }

    @Test
    void theSummaryCountsContainersCreatedAndNodesAddedStartedStoppedAndRemoved() {
        Plan plan = planner.plan(spec(fixed("alpha", 3), fixed("beta", 1)),
                fleet(observed("beta", 1, RUNNING, STOPPED, RUNNING), observed("gamma", 2, RUNNING)), true);

        assertThat(plan.summary()).isEqualTo(new Plan.Summary(1, 3, 0, 2, 4));
    }

    static String describe(PlanStep a) {
        String head = a.type() + " " + a.container();
        if (a instanceof PlanStep.CreateContainer) {
            return head + " " + ((PlanStep.CreateContainer) a).ports().node();
        }
        if (a instanceof PlanStep.AssignPorts) {
            return head + " " + ((PlanStep.AssignPorts) a).ports().node();
        }
        if (a instanceof PlanStep.AddNodes) {
            return head + " " + a.services() + " " + ((PlanStep.AddNodes) a).batches().stream()
                    .map(b -> b.node() + "/" + b.metrics() + "/" + b.rpc()).collect(Collectors.joining(" "));
        }
        return a.services().isEmpty() ? head : head + " " + a.services();
    }
}
