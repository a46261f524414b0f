package io.antfleet.engine.apply;

import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.antctl.LivenessProbe;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.DirectWork;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.fleet.plan.FleetPlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole apply stack over fakes: Docker (the local engine, and one fake engine per other host a test asks for),
 * one fake antctl per container name, the in-memory store.
 */
public final class FakeFleet {
    public final FakeDockerGateway docker = new FakeDockerGateway();
    public final MemoryStore store = new MemoryStore();
    public final AtomicInteger observations = new AtomicInteger();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    public final MemoryLease lease = new MemoryLease();
    private final FakeDockerGateway gateway = docker;
    private final java.util.Map<String, FakeDockerGateway> remotes = new java.util.concurrent.ConcurrentHashMap<>();
    private final io.antfleet.docker.HostGateways gateways = new io.antfleet.docker.HostGateways(gateway,
            "unix:///fake/docker.sock", store.hosts::findAll, h -> remote(h.name()));
    private final AntctlManagerFactory managers = new AntctlManagerFactory(gateways, AntctlSettings.defaults(),
            port -> LivenessProbe.ProbeResult.dead("not probed"));

    /** The fake antctl of the container Docker will know as {@code dockerName}. */
    public FakeAntctl antctl(String dockerName) {
        FakeAntctl antctl = new FakeAntctl("container " + dockerName);
        docker.onExec(dockerName, antctl.execHandler());
        return antctl;
    }

    /** The fake engine of another host (made on first use; the host must be recorded or declared to be opened). */
    public FakeDockerGateway remote(String host) {
        return remotes.computeIfAbsent(host, h -> new FakeDockerGateway());
    }

    /** The fake antctl of the container {@code host}'s engine will know as {@code dockerName}. */
    public FakeAntctl antctl(String host, String dockerName) {
        FakeAntctl antctl = new FakeAntctl("container " + dockerName + " on " + host);
        remote(host).onExec(dockerName, antctl.execHandler());
        return antctl;
    }

    public io.antfleet.engine.status.StatusService statusService() {
        return new io.antfleet.engine.status.StatusService(engines(), managers, store.containers, store.nodes, store.versions());
    }

    public io.antfleet.engine.teardown.TeardownService teardownService() {
        return new io.antfleet.engine.teardown.TeardownService(engines(), managers, store.containers, store.nodes,
                lifecycle(), lease);
    }

    public io.antfleet.engine.node.NodeService nodeService() {
        return new io.antfleet.engine.node.NodeService(engines(), managers, store.containers, store.nodes, lifecycle(), lease,
                CLOCK);
    }

    public io.antfleet.engine.ImportService importService() {
        return new io.antfleet.engine.ImportService(engines(), managers, store.containers, store.nodes, store.journal,
                new DirectWork(), store.versions(), CLOCK);
    }

    public io.antfleet.docker.DockerGateways gateways() {
        return gateways;
    }

    public io.antfleet.engine.FleetEngines engines() {
        return new io.antfleet.engine.FleetEngines(gateways, store.hosts::findAll);
    }

    /** The one path of node changes, over this fleet's store and lease. */
    public NodeLifecycle lifecycle() {
        return new NodeLifecycle(managers, store.nodes, store.journal, new DirectWork(), lease, store.versions(), CLOCK);
    }

    public ApplyService service() {
        DockerFleetObserver observer = new DockerFleetObserver(gateways(), managers, store.containers, store.nodes);
        FleetObserver counting = (fleet, host) -> {
            observations.incrementAndGet();
            return observer.observe(fleet, host);
        };
        return new ApplyService(counting, new FleetPlanner(), new PlanExecutor(new ApplyDeps(gateways(), managers,
                store.containers, store.nodes, lifecycle(), new WalletPicker(Optional.empty(), Optional.empty(), n -> 0),
                CLOCK), 2), lease, store.journal, store.hosts, gateways);
    }
}
