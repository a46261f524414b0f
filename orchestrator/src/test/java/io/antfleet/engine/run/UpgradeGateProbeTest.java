package io.antfleet.engine.run;

import static io.antfleet.engine.run.RunFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.TestClock;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.probe.ProbeParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rolling upgrade's health gate for a container on another host: the new version is read through that container's
 * probe, never by the node's port number on this machine (where another node may listen on the same number).
 */
class UpgradeGateProbeTest {
    private static final String PEER = "12D3KooWNWccsemE91o4m8YhzsWfBNVk4qxv694CENUUjWd61sfv";
    private final MemoryStore store = new MemoryStore();
    private final TestClock clock = new TestClock(T0);
    private final List<String> probed = new ArrayList<>();
    private volatile String remoteVersion = "0.4.17";
    private final ProbeObservation probes = new ProbeObservation((host, container, request) -> {
        probed.add(host + "/" + container);
        StringBuilder antnodes = new StringBuilder();
        request.antnodes().forEach(a -> antnodes.append(antnodes.length() == 0 ? "" : ",").append("{\"service\":\"")
                .append(a.service()).append("\",\"metricsPort\":").append(a.metricsPort())
                .append(",\"metrics\":\"ant_node_uptime 9\\n# EOF\\n\",\"metadata\":\"ant_networking_peer_id_info{peer_id=\\\"")
                .append(PEER).append("\\\"} 1\\nant_node_antnode_version_info{antnode_version=\\\"").append(remoteVersion)
                .append("\\\"} 1\\n# EOF\\n\",\"failure\":null}"));
        return new ProbeParser().parse("{\"probe\":1,\"time\":1,\"host\":{},\"disk\":{},\"nodes\":[],\"antnodes\":[" + antnodes + "]}");
    });
    /** This machine's node on the same port number still answers the old version. */
    private final FakeSweeper local = new FakeSweeper();
    private final UpgradeGate gate = new UpgradeGate(local, probes, ProbeRoute.REMOTE, clock, clock::advance,
            Duration.ofSeconds(30), Duration.ofSeconds(2));

    @AfterEach
    void close() {
        probes.close();
    }

    private Container onFar() {
        Container local = RunFixtures.container(store, new FakeDockerGateway(), "t-beta", 0);
        Container far = new Container(local.id(), local.dockerId(), local.name(), local.image(), local.status(), local.networkMode(),
                local.processManager(), local.ports(), local.createdAt(), local.updatedAt(), "far");
        return far;
    }

    @Test
    void aRemoteNodesNewVersionIsReadThroughItsProbeNotByItsPortHere() {
        Container far = onFar();
        Node n = RunFixtures.node(store, far, 1, NodeStatus.UPGRADING, "0.4.17");
        local.answer(n.metricsPort(), "0.4.15");

        gate.await(far, Map.of(n, "0.4.17"));

        assertThat(probed).containsExactly("far/t-beta");
        assertThat(local.sweeps).isEmpty();
    }

    @Test
    void aRemoteNodeThatStaysOnItsOldVersionHaltsTheRollAtTheTimeout() {
        Container far = onFar();
        Node n = RunFixtures.node(store, far, 1, NodeStatus.UPGRADING, "0.4.17");
        remoteVersion = "0.4.15";

        assertThatThrownBy(() -> gate.await(far, Map.of(n, "0.4.17"))).isInstanceOf(AntfleetException.class)
                .hasMessageContaining("antnode1 (answers 0.4.15, want 0.4.17)");
        assertThat(probed).hasSizeGreaterThan(1).containsOnly("far/t-beta");
    }
}
