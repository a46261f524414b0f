package io.antfleet.engine.run;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.HostSpec;
import java.time.Instant;
import java.util.Map;

/** A two-container spec ("t-alpha" min 1 max 4, "t-beta" min 0 max 4) and store rows for it. */
final class RunFixtures {
    static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    private RunFixtures() {
    }

    static FleetSpec spec(String antnode, String maxConcurrent) {
        return new SpecLoader().parse("test.yaml", String.join("\n",
                "apiVersion: antfleet/v1",
                "fleet: t",
                "image: antfleet/agent:stand-in",
                "rewardsAddress: \"0x03B770D9cD32077cC0bF330c13C114a87643B124\"",
                "antnode: " + antnode,
                "ports: {node: 46000, metrics: 47000, rpc: 48000, blockSize: 10}",
                "containers:",
                "  - name: alpha",
                "    nodes: {min: 1, max: 4}",
                "  - name: beta",
                "    nodes: {min: 0, max: 4}",
                "autoscale:",
                "  nodeCap: 6",
                "  maxConcurrent: " + maxConcurrent,
                "  delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 0s}",
                ""));
    }

    static FleetSpec spec() {
        return spec("{version: 0.4.17}", "{starts: 2, upgrades: 2, removals: 2, operations: 4}");
    }

    /** The row, and the running container Docker lists for it (id {@code docker-<name>}, fleet label "t"). */
    static Container container(MemoryStore store, FakeDockerGateway docker, String name, int blockIndex) {
        return container(store, docker, HostSpec.LOCAL, name, blockIndex);
    }

    /** As {@link #container(MemoryStore, FakeDockerGateway, String, int)}, on {@code host}'s engine {@code docker}. */
    static Container container(MemoryStore store, FakeDockerGateway docker, String host, String name, int blockIndex) {
        docker.withContainer("docker-" + name, name, Map.of(FleetLabels.FLEET, "t"));
        int off = blockIndex * 10;
        PortBlock block = new PortBlock(new PortRange(46000 + off, 46009 + off), new PortRange(47000 + off, 47009 + off),
                new PortRange(48000 + off, 48009 + off));
        return store.containers.insert(new Container(null, "docker-" + name, name, "antfleet/agent:stand-in", "running",
                "host", ProcessManager.ANTCTL_SUDO, block, T0, T0).onHost(host));
    }

    /** Node N of the container on port offset N-1 of its block. */
    static Node node(MemoryStore store, Container c, int number, NodeStatus status, String version) {
        int off = number - 1;
        return store.nodes.insert(new Node(null, c.id(), ServiceName.ofNumber(number), status,
                c.ports().node().first() + off, c.ports().metrics().first() + off, c.ports().rpc().first() + off,
                null, null, null, version, null, null, null, T0.plusSeconds(number), T0));
    }
}
