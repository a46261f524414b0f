package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.OwnedResources;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerJavaGateway;
import io.antfleet.docker.DockerModule;
import io.antfleet.docker.RecordingGateway;
import io.antfleet.docker.StandInContainers;
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.probe.DockerContainerProbe;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The remote way of reading an antctl container (issue 17: a remote host's metrics are on its own 127.0.0.1), tried
 * on the local engine with {@link ProbeRoute#ALL}: the run loop reads the stand-in's nodes with ONE probe exec per
 * container per cycle and no direct sweep, their readings land on the rows, the host's figures come from the same
 * exec, and a node that stops answering is seen. Fleet {@code run-probe-<random>}, ports 46600-46699 (+1000, +2000).
 */
class RunThroughProbeIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final HostSample HOLD = HostSample.idle().withCpu(60).withMem(10).withDisk(20).withLoad(0.1, 0.1, 0.1);

    private final String fleet = "run-probe-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final DockerJavaGateway real = new DockerJavaGateway(io.antfleet.docker.DockerSettings.defaults());
    private final RecordingGateway recording = new RecordingGateway(real);
    private final Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
        @Override
        protected void configure() {
            bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
            OptionalBinder.newOptionalBinder(binder(), ProbeRoute.class).setBinding().toInstance(ProbeRoute.ALL);
        }
    }, new io.antfleet.store.StoreModule(Database.inMemory(fleet.replace('-', '_'))),
            Modules.override(new DockerModule()).with(new AbstractModule() {
                @Provides
                @Singleton
                DockerGateway recorded() {
                    return recording;
                }
            }), new AntctlModule(), new io.antfleet.ant.AntModule(), new MetricsModule(SweepSettings.defaults()), new EngineModule()));
    private final RunLoop loop = injector.getInstance(RunLoop.class);

    @AfterEach
    void removeTheFleetsContainers() {
        for (ContainerInfo c : real.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            real.remove(c.id(), true);
        }
        injector.getInstance(OwnedResources.class).close();
        real.close();
    }

    private FleetSpec spec() {
        return new SpecLoader().parse("run-probe.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "network: evm-local", "noUpnp: true", "antnode: {version: 0.4.17}",
                "ports: {node: 46600, metrics: 47600, rpc: 48600, blockSize: 10}",
                "containers: [{name: a, nodes: 2}, {name: b, nodes: 1}]",
                "autoscale: {nodeCap: 3, delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 5m}}", ""));
    }

    private List<Node> nodes() {
        ContainerRepository containers = injector.getInstance(ContainerRepository.class);
        NodeRepository repo = injector.getInstance(NodeRepository.class);
        List<Node> all = new ArrayList<>();
        containers.findAll().stream().filter(c -> c.name().startsWith(fleet + "-"))
                .forEach(c -> all.addAll(repo.findByContainer(c.id())));
        return all;
    }

    private CycleReport cycle(RunTarget target) {
        DatabaseLease lease = injector.getInstance(DatabaseLease.class);
        String holder = LeaseHolderProcess.holderForThisProcess("run-probe-it");
        assertThat(lease.tryAcquire(holder, Duration.ofHours(1))).isTrue();
        try {
            CycleReport report = loop.cycle(target, HostSource.assumed(HOLD), false);
            assertThat(report.ok()).as(report.execution().toString()).isTrue();
            return report;
        } finally {
            lease.release(holder);
        }
    }

    @Test
    void eachContainerIsReadWithOneProbeExecPerCycleAndItsNodesReadingsLandOnTheRows() {
        FleetSpec spec = spec();
        ApplyReport applied = injector.getInstance(ApplyService.class).apply(spec, false);
        assertThat(applied.ok()).as(applied.toString()).isTrue();
        RunTarget target = RunTarget.of(spec, 2);
        recording.clear();

        CycleReport report = cycle(target);

        assertThat(recording.execs()).as("only probes, one per container").hasSize(2)
                .allSatisfy(command -> assertThat(command).contains(DockerContainerProbe.PROGRAM, "--antnodes"));
        assertThat(recording.execContainers()).containsExactlyInAnyOrder(fleet + "-a", fleet + "-b");
        assertThat(report.answering()).isEqualTo(3);
        assertThat(report.decisions().actions()).containsOnly(Action.SURVEY);
        assertThat(nodes()).hasSize(3).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(n.readings().version()).isEqualTo("0.4.17");
            assertThat(n.readings().peerId()).startsWith("12D3KooW");
            assertThat(n.readings().uptimeSeconds()).isNotNull();
            assertThat(n.readings().connectedPeers()).isNotNull();
        });

        Node stopped = nodes().stream().filter(n -> n.containerId().equals(nodes().get(0).containerId())).findFirst().orElseThrow();
        String container = injector.getInstance(ContainerRepository.class).findAll().stream()
                .filter(c -> c.id().equals(stopped.containerId())).findFirst().orElseThrow().name();
        // the stand-in's fault file: the node's metrics server accepts and never answers (antnode.c)
        assertThat(real.exec(container, List.of("touch", stopped.dataDir() + "/stall-metrics"), null, Map.of(), null,
                Duration.ofSeconds(30)).exitCode()).isZero();
        org.awaitility.Awaitility.await("the stalled node seen through the probe").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    cycle(target);
                    return nodes().stream().anyMatch(n -> n.id().equals(stopped.id()) && n.status() == NodeStatus.UNKNOWN);
                });
        CycleReport after = cycle(target);
        assertThat(after.answering()).isEqualTo(2);
        assertThat(after.swept()).isEqualTo(3);
    }
}
