package io.antfleet.engine.run;

import io.antfleet.engine.MemoryDecisionLog;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.ant.AntNode;
import io.antfleet.engine.DirectWork;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.engine.apply.MemoryLease;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.probe.ProbeParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a cycle makes of an ant container's registry: self-upgrades recorded, never fought; nodes left stopped started again. */
class AntRegistryWatchTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final MemoryStore store = new MemoryStore();
    private final MemoryDecisionLog log = store.decisions;
    private final ScriptedAnt ant = new ScriptedAnt();
    private final AntRegistryWatch watch = new AntRegistryWatch((host, address, name, mode) -> ant, store.nodes,
            new NodeLifecycle((host, address, name, mode) -> ant, store.nodes, store.journal, new DirectWork(),
                    MemoryLease.heldByThisProcess(), store.versions(), Clock.fixed(T0, ZoneOffset.UTC)), log,
            store.versions());
    private final Container container = store.containers.insert(new Container(null, "id-a", "alpha",
            "antfleet/agent:ant-stand-in", "running", "host", ProcessManager.ANT, null, T0, T0));

    private Node row(int n, NodeStatus status, String version) {
        return store.nodes.upsertAll(List.of(new Node(null, container.id(), ServiceName.of("node" + n), status, 36000 + n, null,
                null, "/home/ant/.local/share/ant/nodes/node-" + n, null, "/home/ant/.local/share/ant/nodes/node-" + n + "/ant-node",
                version, null, null, null, T0, T0))).get(0);
    }

    private static AntNode entry(int n, String status, String version, Integer pid) {
        return new AntNode(n, ServiceName.of("node" + n), status, 36000 + n, null, "/home/ant/.local/share/ant/nodes/node-" + n,
                null, "/home/ant/.local/share/ant/nodes/node-" + n + "/ant-node", version,
                "0x03B770D9cD32077cC0bF330c13C114a87643B124", pid, pid == null ? null : 5L, null, null);
    }

    private List<Node> rows() {
        return store.nodes.findByContainer(container.id());
    }

    @Test
    void aVersionAntfleetDidNotSetIsRecordedOnTheRowAndInTheDecisionLogAndNothingIsDone() {
        row(1, NodeStatus.RUNNING, "0.14.2");
        ant.registry = List.of(entry(1, "running", "0.14.3", 42));

        AntRegistryWatch.Watched w = watch.watch(container, rows(), T0, true);

        assertThat(w.nodes()).singleElement().satisfies(n -> assertThat(n.version()).isEqualTo("0.14.3"));
        assertThat(rows()).singleElement().satisfies(n -> assertThat(n.version()).isEqualTo("0.14.3"));
        assertThat(log.recent(10)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("SELF_UPGRADE");
            assertThat(d.reason()).contains("upgraded itself from 0.14.2 to 0.14.3");
            assertThat(d.outcome()).isEqualTo("NOT_RUN");
        });
        assertThat(w.notes()).singleElement().asString().contains("alpha/node1");
        assertThat(ant.started).isEmpty();
    }

    @Test
    void aDryRunWritesNothing() {
        row(1, NodeStatus.RUNNING, "0.14.2");
        ant.registry = List.of(entry(1, "running", "0.14.3", 42));

        watch.watch(container, rows(), T0, false);

        assertThat(rows()).singleElement().satisfies(n -> assertThat(n.version()).isEqualTo("0.14.2"));
        assertThat(log.recent(10)).isEmpty();
    }

    @Test
    void aNodeAntfleetRunsThatStaysStoppedPastTheDaemonsBackoffIsStartedAgain() {
        row(1, NodeStatus.RUNNING, "0.14.2");
        ant.registry = List.of(entry(1, "stopped", "0.14.2", null));

        watch.watch(container, rows(), T0, true);
        assertThat(ant.started).as("within the daemon's own respawn window").isEmpty();

        watch.watch(container, rows(), T0.plus(AntRegistryWatch.RESPAWN_WINDOW), true);
        assertThat(ant.started).containsExactly(List.of(ServiceName.of("node1")));
        assertThat(log.recent(10)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("START");
            assertThat(d.outcome()).isEqualTo("DONE");
        });
    }

    @Test
    void anErroredNodeIsStartedAtOnceButAStoppedOneAntfleetStoppedIsLeftAlone() {
        row(1, NodeStatus.RUNNING, "0.14.2");
        row(2, NodeStatus.STOPPED, "0.14.2");
        ant.registry = List.of(entry(1, "errored", "0.14.2", null), entry(2, "stopped", "0.14.2", null));

        watch.watch(container, rows(), T0, true);
        ant.registry = List.of(entry(1, "running", "0.14.2", 43), entry(2, "stopped", "0.14.2", null));
        watch.watch(container, rows(), T0.plus(Duration.ofMinutes(10)), true);

        assertThat(ant.started).containsExactly(List.of(ServiceName.of("node1")));
        assertThat(rows()).extracting(Node::status).containsExactly(NodeStatus.RUNNING, NodeStatus.STOPPED);
    }

    @Test
    void upgradeScheduledWithADeadPidIsStartedAfterTwoMinutesAndNeverWhileItsPidLives() {
        row(1, NodeStatus.RUNNING, "0.14.2");
        row(2, NodeStatus.RUNNING, "0.14.2");
        ant.registry = List.of(entry(1, "upgrade_scheduled", "0.14.2", null), entry(2, "upgrade_scheduled", "0.14.2", 77));

        watch.watch(container, rows(), T0, true);
        watch.watch(container, rows(), T0.plus(Duration.ofMinutes(2)), true);
        assertThat(ant.started).isEmpty();

        watch.watch(container, rows(), T0.plus(Duration.ofMinutes(2)).plusSeconds(1), true);
        assertThat(ant.started).containsExactly(List.of(ServiceName.of("node1")));
    }

    @Test
    void anUnreadableRegistryKeepsTheRowsAndSaysWhy() {
        row(1, NodeStatus.RUNNING, "0.14.2");
        ant.failure = new io.antfleet.fleet.AntfleetException("ant node status printed something antfleet cannot read");

        AntRegistryWatch.Watched w = watch.watch(container, rows(), T0, true);

        assertThat(w.nodes()).extracting(Node::status).containsExactly(NodeStatus.RUNNING);
        assertThat(w.notes()).singleElement().asString().contains("could not be read");
        assertThat(log.recent(10)).isEmpty();
    }

    /** The watch with readings from a probe whose answer the test sets (one live or dead node per entry). */
    private AntRegistryWatch probing(List<String> probed, String... nodes) {
        AntReadings readings = new AntReadings((host, name, request) -> {
            probed.add(name);
            return new ProbeParser().parse("{\"probe\":1,\"time\":1,\"host\":{},\"disk\":{},\"nodes\":["
                    + String.join(",", nodes) + "]}");
        }, store.nodes);
        return new AntRegistryWatch((host, address, name, mode) -> ant, store.nodes, new NodeLifecycle((host, address, name, mode) -> ant,
                store.nodes, store.journal, new DirectWork(), MemoryLease.heldByThisProcess(), store.versions(),
                Clock.fixed(T0, ZoneOffset.UTC)), log, store.versions(), readings);
    }

    private static String probed(int n, boolean alive, String version) {
        return "{\"service\":\"node" + n + "\",\"dataDir\":\"/home/ant/.local/share/ant/nodes/node-" + n + "\",\"alive\":"
                + alive + ",\"pid\":" + (alive ? 100 + n : "null") + ",\"uptimeSeconds\":100,\"cpuMillis\":5000,"
                + "\"rssKb\":10240,\"diskBytes\":4096,\"records\":7,\"peerId\":\"" + "ab".repeat(32) + "\",\"version\":\""
                + version + "\",\"problems\":[]}";
    }

    @Test
    void whenTheProbeFindsEveryRunningRowAliveOnItsVersionTheRegistryIsNotReadAndTheReadingsAreKept() {
        row(1, NodeStatus.RUNNING, "0.14.2");
        row(2, NodeStatus.RUNNING, "0.14.2");
        row(3, NodeStatus.DISABLED, "0.14.2");
        ant.failure = new IllegalStateException("the registry must not be read in an idle cycle");
        List<String> probed = new ArrayList<>();

        AntRegistryWatch.Watched w = probing(probed, probed(1, true, "0.14.2"), probed(2, true, "0.14.2"))
                .watch(container, rows(), T0, true);

        assertThat(probed).containsExactly("alpha");
        assertThat(w.notes()).isEmpty();
        assertThat(w.nodes()).extracting(Node::status).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING, NodeStatus.DISABLED);
        assertThat(rows()).extracting(n -> n.readings().records()).containsExactly(7L, 7L, null);
    }

    @Test
    void aDeadNodeOrAnotherVersionInTheProbeSendsTheWatchToTheRegistry() {
        row(1, NodeStatus.RUNNING, "0.14.2");
        row(2, NodeStatus.RUNNING, "0.14.2");
        ant.registry = List.of(entry(1, "running", "0.14.2", 42), entry(2, "running", "0.14.3", 43));
        List<String> probed = new ArrayList<>();

        AntRegistryWatch.Watched upgraded = probing(probed, probed(1, true, "0.14.2"), probed(2, true, "0.14.3"))
                .watch(container, rows(), T0, true);

        assertThat(upgraded.notes()).singleElement().asString().contains("upgraded itself from 0.14.2 to 0.14.3");
        assertThat(rows()).extracting(Node::version).containsExactly("0.14.2", "0.14.3");

        ant.registry = List.of(entry(1, "errored", "0.14.2", null), entry(2, "running", "0.14.3", 43));
        AntRegistryWatch.Watched dead = probing(probed, probed(1, false, "0.14.2"), probed(2, true, "0.14.3"))
                .watch(container, rows(), T0, true);

        assertThat(ant.started).containsExactly(List.of(ServiceName.of("node1")));
        assertThat(dead.notes()).anySatisfy(n -> assertThat(n).contains("started again"));
    }

    @Test
    void aStoppedRowIsNeverSettledByTheProbeAlone() {
        row(1, NodeStatus.STOPPED, "0.14.2");
        ant.registry = List.of(entry(1, "running", "0.14.2", 42));

        AntRegistryWatch.Watched w = probing(new ArrayList<>(), probed(1, true, "0.14.2")).watch(container, rows(), T0, true);

        assertThat(w.nodes()).extracting(Node::status).containsExactly(NodeStatus.RUNNING);
    }

    /** A node manager whose registry the test sets. */
    private static final class ScriptedAnt implements NodeManager {
        List<AntNode> registry = List.of();
        RuntimeException failure;
        final List<List<ServiceName>> started = new ArrayList<>();

        @Override
        public String target() {
            return "container alpha (ant)";
        }

        @Override
        public String toolVersion() {
            return "0.2.0";
        }

        @Override
        public List<AntNode> survey() {
            if (failure != null) {
                throw failure;
            }
            return registry;
        }

        @Override
        public List<AntNode> add(AddNodesRequest request, Consumer<List<? extends RegisteredNode>> added) {
            throw new UnsupportedOperationException("not in these tests");
        }

        @Override
        public void start(List<ServiceName> services) {
            started.add(List.copyOf(services));
        }

        @Override
        public void stop(List<ServiceName> services) {
        }

        @Override
        public void restart(List<ServiceName> services) {
        }

        @Override
        public void remove(List<ServiceName> services, boolean keepDirectories) {
        }

        @Override
        public Optional<NodeUpgrader> upgrader() {
            return Optional.empty();
        }

        @Override
        public void reset() {
        }
    }
}
