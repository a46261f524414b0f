package io.antfleet.fleet.decide;

import static io.antfleet.fleet.decide.Fleets.IDLE;
import static io.antfleet.fleet.decide.Fleets.NOW;
import static io.antfleet.fleet.decide.Fleets.T0;
import static io.antfleet.fleet.decide.Fleets.container;
import static io.antfleet.fleet.decide.Fleets.created;
import static io.antfleet.fleet.decide.Fleets.down;
import static io.antfleet.fleet.decide.Fleets.expect;
import static io.antfleet.fleet.decide.Fleets.fleet;
import static io.antfleet.fleet.decide.Fleets.io;
import static io.antfleet.fleet.decide.Fleets.limits;
import static io.antfleet.fleet.decide.Fleets.node;
import static io.antfleet.fleet.decide.Fleets.records;
import static io.antfleet.fleet.decide.Fleets.render;
import static io.antfleet.fleet.decide.Fleets.running;
import static io.antfleet.fleet.decide.Fleets.settings;
import static io.antfleet.fleet.decide.Fleets.since;
import static io.antfleet.fleet.decide.Fleets.stopped;
import static io.antfleet.fleet.decide.Fleets.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.NodeStatus;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's rules as a table: one row per rule of wnm-reference.md or per fixed wnm defect. */
class DecisionEngineTest {
    private static final HostSample CPU_BAND = IDLE.withCpu(60);
    private static final HostSample CPU_HIGH = IDLE.withCpu(80);
    private static final HostSample MEM_BAND = IDLE.withMem(70);
    private static final HostSample MEM_HIGH = IDLE.withMem(80);
    private static final HostSample DISK_BAND = IDLE.withDisk(80);
    private static final HostSample DISK_HIGH = IDLE.withDisk(95);
    private static final HostSample LOAD_BAND = IDLE.withLoad(0.5, 3.0, 0.5);
    private static final HostSample LOAD_HIGH = IDLE.withLoad(5.0, 1.0, 1.0);
    private static final Timers NONE = Timers.none();

    private final DecisionEngine engine = new DecisionEngine();

    record Case(String sentence, ObservedFleetState state, HostSample host, AutoscaleSettings settings, Timers timers,
            List<String> expected, String reasonFragment) {
        @Override
        public String toString() {
            return sentence;
        }
    }

    private static Arguments row(String sentence, ObservedFleetState state, HostSample host, AutoscaleSettings settings,
            Timers timers, List<String> expected, String reasonFragment) {
        return Arguments.of(new Case(sentence, state, host, settings, timers, expected, reasonFragment));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cycle", "growth", "shedding", "upgradesAndRestarts", "containersDown"})
    void theEngineDecides(Case c) {
        Decisions decisions = engine.decide(c.state(), c.host(), c.settings(), c.timers(), NOW);

        assertThat(render(decisions)).as(c.sentence() + " — got " + decisions.list()).isEqualTo(c.expected());
        if (c.reasonFragment() != null) {
            assertThat(decisions.list()).as("reasons").anySatisfy(d -> assertThat(d.reason()).contains(c.reasonFragment()));
        }
    }

    static Stream<Arguments> cycle() {
        ObservedFleetState two = fleet(container("c1", 0, 10, running(1), running(2)));
        return Stream.of(
                row("after a reboot only a survey of every node is decided",
                        new ObservedFleetState(two.containers(), NOW.minusSeconds(60), NOW.minusSeconds(600)),
                        CPU_HIGH, settings(), NONE, expect("SURVEY"), "re-survey every node"),
                row("a fleet without containers has nothing to do",
                        fleet(), IDLE, settings(), NONE, expect("NONE"), null),
                row("dead nodes (antctl already removed them) get no action and the cycle goes on",
                        fleet(container("c1", 0, 2, running(1), node(2, NodeStatus.DEAD))), IDLE, settings(), NONE,
                        expect("ADD c1 +1"), null),
                row("dead nodes get no action while operations are in flight either",
                        fleet(container("c1", 0, 5, node(1, NodeStatus.UPGRADING), node(2, NodeStatus.DEAD))), IDLE,
                        settings(), NONE, expect("SURVEY"), "max_concurrent_operations"),
                row("when nodes in transition reach max_concurrent_operations only a survey is decided",
                        fleet(container("c1", 0, 5, node(1, NodeStatus.RESTARTING), running(2))), CPU_HIGH, settings(),
                        NONE, expect("SURVEY"), "1 nodes in transition >= max_concurrent_operations 1"),
                row("nodes in transition below max_concurrent_operations leave room for shedding",
                        fleet(container("c1", 0, 5, node(1, NodeStatus.UPGRADING), running(2), running(3))), CPU_HIGH,
                        limits(settings(), 1, 1, 1, 2), NONE, expect("STOP c1 [antnode3]"), null),
                row("a host between the add and remove levels of cpu only surveys",
                        two, CPU_BAND, settings(), NONE, expect("SURVEY"), "cpu 60.0% >= cpu_less_than 50%"),
                row("a host between the add and remove levels of memory only surveys",
                        two, MEM_BAND, settings(), NONE, expect("SURVEY"), "mem_less_than"),
                row("a host between the add and remove levels of disk only surveys",
                        two, DISK_BAND, settings(), NONE, expect("SURVEY"), "hd_less_than"),
                row("a load between desired and max only surveys",
                        two, LOAD_BAND, settings(), NONE, expect("SURVEY"), "load5 3.00 >= desired_load_average 2.4"),
                row("an I/O level of zero is off and never blocks growth",
                        two, IDLE.withIo(1e12, 1e12, 1e12, 1e12), settings(), NONE, expect("ADD c1 +1"), null),
                row("network writes above their add level hold the fleet",
                        two, IDLE.withIo(0, 0, 0, 5_000), io(settings(), 1_000, 10_000, 0, 0), NONE, expect("SURVEY"),
                        "netio_write 5000 B/s >= netio_write_less_than 1000"),
                row("disk reads above their remove level stop a node",
                        two, IDLE.withIo(50_000, 0, 0, 0), io(settings(), 0, 0, 1_000, 10_000), NONE,
                        expect("STOP c1 [antnode2]"), "hdio_read 50000 B/s > hdio_read_remove 10000"));
    }

    static Stream<Arguments> growth() {
        return Stream.of(
                row("a host under every add level adds one node where there is most room",
                        fleet(container("c1", 0, 3, running(1), running(2)), container("c2", 0, 3, running(3))), IDLE,
                        settings(), NONE, expect("ADD c2 +1"), "most room"),
                row("stopped nodes are started before new ones are added, oldest first",
                        fleet(container("c1", 0, 5, stopped(4), running(1)), container("c2", 0, 5, stopped(2))), IDLE,
                        settings(), NONE, expect("START c2 [antnode2]"), "oldest first"),
                row("additions stop at node_cap",
                        fleet(container("c1", 0, 10, running(1), running(2))), IDLE, settings().withNodeCap(2), NONE,
                        expect("SURVEY"), "node_cap 2"),
                row("additions respect each container's max",
                        fleet(container("c1", 0, 2, running(1), running(2)), container("c2", 0, 9, running(3), running(4), running(5))),
                        IDLE, settings(), NONE, expect("ADD c2 +1"), null),
                row("additions spread across containers by most room",
                        fleet(container("c1", 0, 4, running(1)), container("c2", 0, 3)), IDLE,
                        limits(settings(), 1, 4, 1, 4), NONE, expect("ADD c1 +2", "ADD c2 +2"), null),
                row("additions in a batch never pass node_cap",
                        fleet(container("c1", 0, 9, running(1)), container("c2", 0, 9)), IDLE,
                        limits(settings(), 1, 5, 1, 5).withNodeCap(3), NONE, expect("ADD c2 +1", "ADD c1 +1"), null),
                row("max_concurrent_starts bounds starts and additions together",
                        fleet(container("c1", 0, 5, stopped(1)), container("c2", 0, 5)), IDLE,
                        limits(settings(), 1, 2, 1, 5), NONE, expect("START c1 [antnode1]", "ADD c2 +1"), null),
                row("max_concurrent_operations bounds a batch below max_concurrent_starts",
                        fleet(container("c1", 0, 9)), IDLE, limits(settings(), 1, 5, 1, 2), NONE, expect("ADD c1 +2"), null),
                row("nothing is added while a node is still in transition",
                        fleet(container("c1", 0, 9, node(1, NodeStatus.RESTARTING))), IDLE, limits(settings(), 1, 1, 1, 3),
                        NONE, expect("SURVEY"), "no growth until they settle"),
                row("additions wait for delay_start after the last start",
                        fleet(container("c1", 0, 9)), IDLE, settings().withDelays(Delays.defaults()),
                        NONE.with(Timers.Kind.START, NOW.minusSeconds(100)), expect("SURVEY"), "delay_start runs until"),
                row("additions resume once delay_start has passed",
                        fleet(container("c1", 0, 9)), IDLE, settings().withDelays(Delays.defaults()),
                        NONE.with(Timers.Kind.START, NOW.minusSeconds(300)), expect("ADD c1 +1"), null),
                row("disabled nodes are never started and count against the container's max",
                        fleet(container("c1", 0, 1, node(1, NodeStatus.DISABLED))), IDLE, settings(), NONE,
                        expect("SURVEY"), "fleet is full"),
                row("an outdated stopped node does not freeze additions: it is started, to be upgraded once running",
                        fleet(container("c1", 0, 2, version(stopped(1), "0.4.10"), running(2)), container("c2", 0, 1)),
                        IDLE, limits(settings(), 1, 2, 1, 2).withTargetVersion("0.4.17"), NONE,
                        expect("START c1 [antnode1]", "ADD c2 +1"), null));
    }

    static Stream<Arguments> shedding() {
        ObservedFleetState three = fleet(container("c1", 0, 9, running(1), running(2), running(3)));
        return Stream.of(
                row("cpu over its remove level stops the youngest running node",
                        three, CPU_HIGH, settings(), NONE, expect("STOP c1 [antnode3]"), "cpu 80.0% > cpu_remove 70%"),
                row("memory over its remove level stops a node rather than removing it",
                        three, MEM_HIGH, settings(), NONE, expect("STOP c1 [antnode3]"), "mem_remove"),
                row("load over max_load_average_allowed stops a node",
                        three, LOAD_HIGH, settings(), NONE, expect("STOP c1 [antnode3]"), "max_load_average_allowed 4"),
                row("disk over its remove level removes stopped nodes first",
                        fleet(container("c1", 0, 9, running(1), stopped(2), running(3))), DISK_HIGH, settings(), NONE,
                        expect("REMOVE c1 [antnode2]"), "hd 95.0% > hd_remove 90%"),
                row("disk over its remove level removes the youngest running node when none is stopped",
                        three, DISK_HIGH, settings(), NONE, expect("REMOVE c1 [antnode3]"), null),
                row("more nodes than node_cap are removed down to the cap",
                        fleet(container("c1", 0, 9, running(1), running(2), running(3), running(4))), IDLE,
                        limits(settings(), 1, 1, 5, 5).withNodeCap(2), NONE, expect("REMOVE c1 [antnode4, antnode3]"),
                        "4 nodes > node_cap 2"),
                row("a container over its max sheds from itself even when the host is idle",
                        fleet(container("c1", 0, 5, running(1)), container("c2", 0, 1, running(2), running(3))), IDLE,
                        settings(), NONE, expect("REMOVE c2 [antnode3]"), "c2 has 2 nodes > its max 1"),
                row("shedding takes from the most loaded container",
                        fleet(container("c1", 0, 9, running(1), running(2), running(3)), container("c2", 0, 9, running(9))),
                        CPU_HIGH, settings(), NONE, expect("STOP c1 [antnode3]"), null),
                row("a batch of stops is spread so the most loaded container sheds first",
                        fleet(container("c1", 0, 9, running(1), running(2), running(3)), container("c2", 0, 9, running(4), running(5))),
                        CPU_HIGH, limits(settings(), 1, 1, 3, 3), NONE, expect("STOP c1 [antnode3, antnode2]", "STOP c2 [antnode5]"), null),
                row("shedding never takes a container below its min",
                        fleet(container("c1", 3, 9, running(1), running(2), running(3)), container("c2", 0, 9, running(9))),
                        CPU_HIGH, settings(), NONE, expect("STOP c2 [antnode9]"), null),
                row("when every container is at its min, pressure only surveys",
                        fleet(container("c1", 2, 9, running(1), running(2))), CPU_HIGH, settings(), NONE,
                        expect("SURVEY"), "each is at its min"),
                row("the fewest-records strategy sheds the node with the fewest records",
                        fleet(container("c1", 0, 9, records(running(1), 5L, 0L), records(running(2), 900L, 0L), records(running(3), 50L, 0L))),
                        CPU_HIGH, settings().withRemovalStrategy(RemovalStrategy.FEWEST_RECORDS), NONE,
                        expect("STOP c1 [antnode1]"), "fewest-records"),
                row("the most-shunned strategy sheds the most shunned node",
                        fleet(container("c1", 0, 9, records(running(1), 5L, 1L), records(running(2), 9L, 7L), records(running(3), 5L, null))),
                        CPU_HIGH, settings().withRemovalStrategy(RemovalStrategy.MOST_SHUNNED), NONE,
                        expect("STOP c1 [antnode2]"), "most-shunned"),
                row("the youngest strategy goes by creation time, not by service number",
                        fleet(container("c1", 0, 9, created(running(1), T0.plusSeconds(99_999)), running(2), running(3))),
                        CPU_HIGH, settings(), NONE, expect("STOP c1 [antnode1]"), null),
                row("max_concurrent_removals bounds a batch of stops",
                        fleet(container("c1", 0, 9, running(1), running(2), running(3), running(4), running(5))), CPU_HIGH,
                        limits(settings(), 1, 1, 2, 5), NONE, expect("STOP c1 [antnode5, antnode4]"), null),
                row("shedding waits for delay_remove after the last removal",
                        three, CPU_HIGH, settings().withDelays(Delays.defaults()), NONE.with(Timers.Kind.REMOVE, NOW.minusSeconds(10)),
                        expect("SURVEY"), "delay_remove runs until"),
                row("removals in flight at max_concurrent_removals make shedding wait",
                        fleet(container("c1", 0, 9, node(1, NodeStatus.REMOVING), running(2), running(3))), CPU_HIGH,
                        limits(settings(), 1, 1, 1, 3), NONE, expect("SURVEY"), "removals in flight"),
                row("an outdated running node is removed rather than stopped under cpu pressure",
                        fleet(container("c1", 0, 9, version(running(1), "0.4.10"), running(2), running(3))), CPU_HIGH,
                        settings().withTargetVersion("0.4.17"), NONE, expect("REMOVE c1 [antnode1]"), "remove outdated"),
                row("disabled nodes are never stopped or removed",
                        fleet(container("c1", 0, 9, node(1, NodeStatus.DISABLED), node(2, NodeStatus.DISABLED))), CPU_HIGH,
                        settings(), NONE, expect("SURVEY"), null),
                row("a node whose metrics are silent is stopped like a running one under pressure",
                        fleet(container("c1", 0, 9, running(1), node(2, NodeStatus.UNKNOWN))), MEM_HIGH, settings(), NONE,
                        expect("STOP c1 [antnode2]"), null));
    }

    static Stream<Arguments> containersDown() {
        AutoscaleSettings target = settings().withTargetVersion("0.4.17");
        return Stream.of(
                row("a container that is down gets no start; growth goes to a running one",
                        fleet(down("c1", 0, 5, stopped(1)), container("c2", 0, 5, running(2))), IDLE, settings(), NONE,
                        expect("ADD c2 +1"), null),
                row("the nodes of a container that is down still count against node_cap",
                        fleet(down("c1", 0, 5, stopped(1)), container("c2", 0, 5, running(2))), IDLE,
                        settings().withNodeCap(2), NONE, expect("SURVEY"), "node_cap 2"),
                row("with every container down only a survey is decided",
                        fleet(down("c1", 0, 5, stopped(1)), down("c2", 0, 5)), CPU_HIGH, settings(), NONE,
                        expect("SURVEY"), "no container can be acted on"),
                row("shedding takes its nodes from running containers only",
                        fleet(down("c1", 0, 9, running(1), running(2), running(3)), container("c2", 0, 9, running(4),
                                running(5))), CPU_HIGH, settings(), NONE, expect("STOP c2 [antnode5]"), "cpu_remove"),
                row("dead, silent and outdated nodes of a container that is down are left for when it is back",
                        fleet(down("c1", 0, 9, node(1, NodeStatus.DEAD), since(node(2, NodeStatus.UNKNOWN), T0),
                                version(running(3), "0.4.1")), container("c2", 0, 9, running(4))), IDLE,
                        target.withNodeCap(3), NONE, expect("SURVEY"), "the fleet is full"));
    }

    static Stream<Arguments> upgradesAndRestarts() {
        AutoscaleSettings target = settings().withTargetVersion("0.4.17");
        return Stream.of(
                row("an outdated running node is upgraded, oldest first",
                        fleet(container("c1", 0, 9, version(running(2), "0.4.10"), version(running(1), "0.4.16"))), IDLE,
                        target, NONE, expect("UPGRADE c1 [antnode1]"), "older than 0.4.17"),
                row("upgrades go in batches of max_concurrent_upgrades across containers",
                        fleet(container("c1", 0, 9, version(running(1), "0.4.1"), version(running(3), "0.4.1")),
                                container("c2", 0, 9, version(running(2), "0.4.1"))), IDLE,
                        limits(target, 2, 1, 1, 3), NONE, expect("UPGRADE c1 [antnode1]", "UPGRADE c2 [antnode2]"), null),
                row("the next upgrade batch waits while nodes are still upgrading",
                        fleet(container("c1", 0, 9, node(1, NodeStatus.UPGRADING), version(running(2), "0.4.1"))), IDLE,
                        limits(target, 1, 1, 1, 2), NONE, expect("SURVEY"), "upgrades in flight"),
                row("upgrades wait for delay_upgrade",
                        fleet(container("c1", 0, 9, version(running(1), "0.4.1"))), IDLE, target.withDelays(Delays.defaults()),
                        NONE.with(Timers.Kind.UPGRADE, NOW.minusSeconds(1)), expect("SURVEY"), "delay_upgrade runs until"),
                row("a node whose version is unknown is not upgraded",
                        fleet(container("c1", 0, 1, version(running(1), null))), IDLE, target, NONE, expect("SURVEY"), null),
                row("nodes already at the target version are not upgraded and the fleet grows",
                        fleet(container("c1", 0, 9, running(1))), IDLE, target, NONE, expect("ADD c1 +1"), null),
                row("a newer node than the target is not downgraded",
                        fleet(container("c1", 0, 1, version(running(1), "0.5.0"))), IDLE, target, NONE, expect("SURVEY"), null),
                row("upgrades roll even inside the hysteresis band",
                        fleet(container("c1", 0, 9, version(running(1), "0.4.1"))), CPU_BAND, target, NONE,
                        expect("UPGRADE c1 [antnode1]"), null),
                row("without a target version nothing is upgraded",
                        fleet(container("c1", 0, 9, version(running(1), "0.0.1"))), IDLE, settings(), NONE,
                        expect("ADD c1 +1"), null),
                row("a node whose metrics stayed silent for delay_restart is restarted",
                        fleet(container("c1", 0, 9, running(1), since(node(2, NodeStatus.UNKNOWN), NOW.minusSeconds(600)))),
                        IDLE, settings().withDelays(Delays.defaults()), NONE, expect("RESTART c1 [antnode2]"), "metrics silent"),
                row("a node silent for less than delay_restart is left alone",
                        fleet(container("c1", 0, 2, running(1), since(node(2, NodeStatus.UNKNOWN), NOW.minusSeconds(30)))),
                        IDLE, settings().withDelays(Delays.defaults()), NONE, expect("SURVEY"), null),
                row("restarts wait for delay_restart after the last restart",
                        fleet(container("c1", 0, 2, running(1), since(node(2, NodeStatus.UNKNOWN), T0))),
                        IDLE, settings().withDelays(Delays.defaults()), NONE.with(Timers.Kind.RESTART, NOW.minusSeconds(60)),
                        expect("SURVEY"), null));
    }
}
