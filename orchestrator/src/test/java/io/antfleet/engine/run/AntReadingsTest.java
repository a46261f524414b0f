package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.probe.ProbeException;
import io.antfleet.probe.ProbeParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ant container's readings come from one probe per cycle and land on the rows and in the history, node by node. */
class AntReadingsTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final String PEER = "ab".repeat(32);
    private final MemoryStore store = new MemoryStore();
    private final List<String> probed = new ArrayList<>();
    private String answer;
    private final AntReadings readings = new AntReadings((host, container, request) -> {
        probed.add(container);
        if (answer == null) {
            throw new ProbeException("container " + container + ": antfleet-probe exited 127 (the image lacks it)");
        }
        return new ProbeParser().parse(answer);
    }, store.nodes);
    private final Container container = store.containers.insert(new Container(null, "id-a", "home-alpha",
            "antfleet/agent:ant-stand-in", "running", "host", ProcessManager.ANT, null, T0, T0));

    private Node row(int n) {
        return store.nodes.upsertAll(List.of(new Node(null, container.id(), ServiceName.of("node" + n), NodeStatus.RUNNING,
                36000 + n, null, null, "/d/node-" + n, null, "/d/node-" + n + "/ant-node", "0.14.2", null, null, null, T0, T0))).get(0);
    }

    private static String node(int n, boolean alive, String records) {
        return "{\"service\":\"node" + n + "\",\"dataDir\":\"/d/node-" + n + "\",\"alive\":" + alive + ",\"pid\":"
                + (alive ? 100 + n : "null") + ",\"uptimeSeconds\":100,\"cpuMillis\":5000,\"rssKb\":10240,"
                + "\"diskBytes\":4096,\"records\":" + records + ",\"peerId\":\"" + PEER + "\",\"version\":\"0.14.2\",\"problems\":[]}";
    }

    @Test
    void liveNodesGetTheirReadingsOnTheRowAndInTheHistoryWithOneProbeAndABadNodeIsNamed() {
        Node one = row(1);
        Node two = row(2);
        Node three = row(3);
        answer = "{\"probe\":1,\"time\":1,\"host\":{},\"disk\":{},\"nodes\":[" + node(1, true, "7") + "," + node(2, false, "3")
                + "," + node(3, true, "-1") + "]}";
        List<String> notes = new ArrayList<>();

        List<Node> out = readings.read(container, List.of(one, two, three), T0, notes, true);

        assertThat(probed).containsExactly("home-alpha");
        assertThat(out.get(0).readings().records()).isEqualTo(7L);
        assertThat(out.get(0).readings().peerId()).isEqualTo(PEER);
        assertThat(out.get(0).readings().cpuPercent()).isEqualTo(5.0);
        assertThat(out.get(1).readings().records()).as("a dead node keeps what it had").isNull();
        assertThat(out.get(2).readings().records()).isNull();
        assertThat(store.nodes.readTimes(container.id())).containsOnlyKeys(one.id());
        assertThat(store.nodes.findByContainer(container.id()).get(0).readings().records()).isEqualTo(7L);
        assertThat(notes).singleElement().asString().startsWith("home-alpha/node3: its probe answer was refused (records -1");
    }

    @Test
    void aProbeThatFailsKeepsTheRowsAndSaysWhyAndADryRunWritesNothing() {
        Node one = row(1);
        List<String> notes = new ArrayList<>();

        assertThat(readings.read(container, List.of(one), T0, notes, true)).containsExactly(one);
        assertThat(notes).singleElement().asString().contains("could not be probed").contains("exited 127");

        answer = "{\"probe\":1,\"time\":1,\"host\":{},\"disk\":{},\"nodes\":[" + node(1, true, "7") + "]}";
        readings.read(container, List.of(one), T0, new ArrayList<>(), false);
        assertThat(store.nodes.readTimes(container.id())).isEmpty();
    }
}
