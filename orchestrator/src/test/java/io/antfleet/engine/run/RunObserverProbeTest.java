package io.antfleet.engine.run;

import static io.antfleet.engine.run.RunFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.probe.ProbeException;
import io.antfleet.probe.ProbeParser;
import io.antfleet.probe.ProbeRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Containers routed through the probe: one exec each, bodies judged as the sweep judges them, a failed probe kept apart. */
class RunObserverProbeTest {
    private static final String PEER = "12D3KooWNWccsemE91o4m8YhzsWfBNVk4qxv694CENUUjWd61sfv";
    private final MemoryStore store = new MemoryStore();
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final CountingNodes nodes = new CountingNodes(store.nodes);
    private final FakeSweeper sweeper = new FakeSweeper();
    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final Map<String, ProbeRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final ProbeObservation probes = new ProbeObservation((host, container, request) -> {
        requests.put(container, request);
        String answer = answers.get(container);
        if (answer == null) {
            throw new ProbeException("container " + container + ": antfleet-probe did not run: Docker at tcp://10.0.0.2:2376 is unreachable");
        }
        return new ProbeParser().parse(answer);
    });
    private final RunObserver observer = new RunObserver(store.containers, nodes, sweeper, docker, clock, null, probes,
            ProbeRoute.ALL, null);
    private final RunTarget target = RunTarget.of(RunFixtures.spec(), 2);

    @AfterEach
    void close() {
        probes.close();
    }

    private Container container(String name, int block) {
        return RunFixtures.container(store, docker, name, block);
    }

    private NodeStatus stored(Node n) {
        return store.nodes.find(n.containerId(), n.service()).orElseThrow().status();
    }

    private static String answering(String service, int port, long uptime) {
        String metrics = "ant_node_uptime " + uptime + "\\nant_networking_records_stored 42\\n# EOF\\n";
        String metadata = "ant_networking_peer_id_info{peer_id=\\\"" + PEER + "\\\"} 1\\n"
                + "ant_node_antnode_version_info{antnode_version=\\\"0.4.17\\\"} 1\\n# EOF\\n";
        return "{\"service\":\"" + service + "\",\"metricsPort\":" + port + ",\"metrics\":\"" + metrics + "\",\"metadata\":\""
                + metadata + "\",\"failure\":null}";
    }

    private static String silent(String service, int port) {
        return "{\"service\":\"" + service + "\",\"metricsPort\":" + port
                + ",\"metrics\":null,\"metadata\":null,\"failure\":\"GET /metrics: connection refused\"}";
    }

    private static String document(long busy, long idle, String... antnodes) {
        return "{\"probe\":1,\"time\":1,\"host\":{\"cpus\":2,\"load1\":0.5,\"load5\":0.4,\"load15\":0.3,\"memTotalKb\":1000,"
                + "\"memAvailableKb\":600,\"cpuBusyTicks\":" + busy + ",\"cpuIdleTicks\":" + idle + "},\"disk\":{\"totalBytes\":100,"
                + "\"freeBytes\":80},\"nodes\":[],\"antnodes\":[" + String.join(",", antnodes) + "]}";
    }

    @Test
    void eachContainerIsReadWithOneProbeThatCarriesItsNodesPortsAndTheSweepIsNotUsed() {
        Container alpha = container("t-alpha", 0);
        Container beta = container("t-beta", 1);
        Node one = RunFixtures.node(store, alpha, 1, NodeStatus.STOPPED, "0.4.17");
        Node two = RunFixtures.node(store, alpha, 2, NodeStatus.RUNNING, "0.4.17");
        Node three = RunFixtures.node(store, beta, 1, NodeStatus.RUNNING, "0.4.17");
        answers.put("t-alpha", document(100, 300, answering("antnode1", one.metricsPort(), 60), silent("antnode2", two.metricsPort())));
        answers.put("t-beta", document(100, 300, answering("antnode1", three.metricsPort(), 90)));

        Observation seen = observer.observe(target, null, null, true);

        assertThat(sweeper.sweeps).isEmpty();
        assertThat(seen.probeExecs()).isEqualTo(2);
        assertThat(requests.get("t-alpha").antnodes()).containsExactly(
                new ProbeRequest.AntnodePort("antnode1", one.metricsPort()), new ProbeRequest.AntnodePort("antnode2", two.metricsPort()));
        assertThat(requests.get("t-alpha").keep()).contains("ant_node_uptime", "ant_node_antnode_version_info");
        assertThat(requests.get("t-alpha").diskPath()).contains("/var/antctl");
        assertThat(stored(one)).isEqualTo(NodeStatus.RUNNING);
        assertThat(stored(two)).isEqualTo(NodeStatus.UNKNOWN);
        assertThat(stored(three)).isEqualTo(NodeStatus.RUNNING);
        assertThat(nodes.readingBatches).hasSize(1);
        assertThat(nodes.readingBatches.get(0)).containsOnlyKeys(one.id(), three.id());
        assertThat(nodes.readingBatches.get(0).get(one.id()).records()).isEqualTo(42L);
        assertThat(nodes.readingBatches.get(0).get(one.id()).peerId()).isEqualTo(PEER);
        assertThat(seen.swept()).isEqualTo(3);
        assertThat(seen.answering()).isEqualTo(2);
        assertThat(seen.probedHosts()).containsOnlyKeys("local");
        assertThat(seen.probedHosts().get("local")).hasSize(2);
        assertThat(seen.hostOf("t-alpha")).isEqualTo("local");
    }

    @Test
    void aContainerWhoseProbeFailsKeepsItsStatusesAndIsNamedWhileTheOthersAreRead() {
        Container alpha = container("t-alpha", 0);
        Container beta = container("t-beta", 1);
        Node one = RunFixtures.node(store, alpha, 1, NodeStatus.RUNNING, "0.4.17");
        Node two = RunFixtures.node(store, beta, 1, NodeStatus.STOPPED, "0.4.17");
        answers.put("t-beta", document(1, 1, answering("antnode1", two.metricsPort(), 60)));

        Observation seen = observer.observe(target, null, null, true);

        assertThat(stored(one)).as("not read is not silent").isEqualTo(NodeStatus.RUNNING);
        assertThat(stored(two)).isEqualTo(NodeStatus.RUNNING);
        assertThat(seen.refused()).anySatisfy(n -> assertThat(n).startsWith("container t-alpha on host local could not be probed")
                .contains("unreachable"));
    }

    @Test
    void aBodyTheSweepWouldRefuseIsRefusedAndNamedTheOtherNodeIsRead() {
        Container alpha = container("t-alpha", 0);
        Node one = RunFixtures.node(store, alpha, 1, NodeStatus.RUNNING, "0.4.17");
        Node two = RunFixtures.node(store, alpha, 2, NodeStatus.RUNNING, "0.4.17");
        String noUptime = answering("antnode2", two.metricsPort(), 5).replace("ant_node_uptime 5\\n", "");
        answers.put("t-alpha", document(1, 1, answering("antnode1", one.metricsPort(), 60), noUptime));

        Observation seen = observer.observe(target, null, null, true);

        assertThat(stored(one)).isEqualTo(NodeStatus.RUNNING);
        assertThat(stored(two)).isEqualTo(NodeStatus.UNKNOWN);
        assertThat(seen.refused()).anySatisfy(n -> assertThat(n).startsWith("t-alpha/antnode2: its answer was refused")
                .contains("lacks ant_node_uptime"));
    }
}
