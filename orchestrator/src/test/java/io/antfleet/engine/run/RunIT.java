package io.antfleet.engine.run;

import io.antfleet.docker.StandInContainers;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.OwnedResources;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerModule;
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.MetricsSweep;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.metrics.SweepTarget;
import io.antfleet.metrics.SweptNode;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreModule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code antfleet run}'s loop against the real Docker daemon, the stand-in image and the embedded store:
 * growth to the cap and shedding under an assumed host, and a health-gated rolling upgrade across two
 * containers. The fleet (and so every container's Docker name and label) is {@code run-it-<random>};
 * ports are in 46000–49999.
 */
class RunIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final HostSample LOW = HostSample.idle().withCpu(5).withMem(10).withDisk(20).withLoad(0.1, 0.1, 0.1);
    private static final HostSample HIGH = LOW.withMem(90);

    private final String fleet = "run-it-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
        @Override
        protected void configure() {
            bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
        }
    }, new StoreModule(Database.inMemory(fleet.replace('-', '_'))), new DockerModule(), new AntctlModule(), new io.antfleet.ant.AntModule(),
            new MetricsModule(SweepSettings.defaults()), new EngineModule()));
    private final DockerGateway docker = injector.getInstance(DockerGateway.class);
    private final RunLoop loop = injector.getInstance(RunLoop.class);


    @AfterEach
    void removeTheFleetsContainers() {
        for (ContainerInfo c : docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            docker.remove(c.id(), true); // and its named data volume <fleet>-<name>-data
        }
        injector.getInstance(OwnedResources.class).close(); // the executors, the sweep, Docker's client
    }

    private FleetSpec spec(int portBase, String antnode, String containers, String autoscale) {
        return new SpecLoader().parse("run-it.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "network: evm-local", "noUpnp: true", "antnode: " + antnode,
                "ports: {node: " + (46000 + portBase) + ", metrics: " + (47000 + portBase) + ", rpc: " + (48000 + portBase)
                        + ", blockSize: 10}",
                "containers: " + containers, "autoscale: " + autoscale, ""));
    }

    private List<Node> nodes() {
        ContainerRepository containers = injector.getInstance(ContainerRepository.class);
        NodeRepository repo = injector.getInstance(NodeRepository.class);
        List<Node> all = new ArrayList<>();
        containers.findAll().stream().filter(c -> c.name().startsWith(fleet + "-"))
                .forEach(c -> all.addAll(repo.findByContainer(c.id())));
        return all;
    }

    private long count(NodeStatus status) {
        return nodes().stream().filter(n -> n.status() == status).count();
    }

    private long registered() {
        return nodes().stream().filter(n -> n.status() != NodeStatus.DEAD).count();
    }

    /** One cycle under the lease, as {@code run} holds it (an apply in between takes it in turn). */
    private CycleReport leased(RunTarget target, HostSample host) {
        DatabaseLease lease = injector.getInstance(DatabaseLease.class);
        String holder = LeaseHolderProcess.holderForThisProcess("run-it");
        assertThat(lease.tryAcquire(holder, Duration.ofHours(1))).isTrue();
        try {
            return loop.cycle(target, HostSource.assumed(host), false);
        } finally {
            lease.release(holder);
        }
    }

    private CycleReport cycle(RunTarget target, HostSample host) {
        CycleReport report = leased(target, host);
        assertThat(report.ok()).as(report.execution().toString()).isTrue();
        return report;
    }

    @Test
    void underSimulatedPressureTheFleetGrowsToItsCapWithinTheStartLimitThenShedsWithinTheRemovalLimit() {
        FleetSpec spec = spec(0, "{version: 0.4.17}", "[{name: a, nodes: {min: 0, max: 3}}, {name: b, nodes: {min: 0, max: 3}}]",
                "{nodeCap: 4, maxConcurrent: {starts: 2, upgrades: 1, removals: 2, operations: 4}, "
                        + "delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 0s}}");
        ApplyReport applied = injector.getInstance(ApplyService.class).apply(spec, false);
        assertThat(applied.ok()).as(applied.toString()).isTrue();
        RunTarget target = RunTarget.of(spec, 2);

        long before = 0;
        for (int i = 0; i < 4 && registered() < 4; i++) {
            cycle(target, LOW);
            assertThat(count(NodeStatus.RUNNING) - before).as("nodes started in one cycle").isBetween(1L, 2L);
            before = count(NodeStatus.RUNNING);
        }
        assertThat(registered()).isEqualTo(4);
        assertThat(count(NodeStatus.RUNNING)).isEqualTo(4);
        assertThat(nodes().stream().map(Node::containerId).distinct().count()).as("placed across both containers").isEqualTo(2);
        CycleReport full = cycle(target, LOW);
        assertThat(full.decisions().actions()).containsExactly(Action.SURVEY);
        assertThat(full.decisions().list().get(0).reason()).contains("the fleet is full");
        assertThat(full.answering()).isEqualTo(4);

        for (int i = 0; i < 3 && count(NodeStatus.RUNNING) > 0; i++) {
            long running = count(NodeStatus.RUNNING);
            CycleReport shed = cycle(target, HIGH);
            assertThat(shed.decisions().list()).allSatisfy(d -> assertThat(d.reason()).contains("mem 90.0% > mem_remove 75%"));
            assertThat(running - count(NodeStatus.RUNNING)).as("nodes stopped in one cycle").isBetween(1L, 2L);
        }
        assertThat(count(NodeStatus.RUNNING)).isZero();
        assertThat(count(NodeStatus.STOPPED)).isEqualTo(4);
    }

    private List<String> answeredVersions() {
        List<Node> all = nodes();
        List<SweepTarget> targets = all.stream().map(n -> SweepTarget.local(n.service().value(), n.metricsPort())).toList();
        return injector.getInstance(MetricsSweep.class).sweep(targets).stream()
                .map(p -> p.isRunning() ? p.readings().version() : "silent").toList();
    }

    @Test
    void aRollingUpgradeAcrossTwoContainersGoesOneNodeACycleEachAnsweringTheNewVersionBeforeTheNext() {
        String two = "[{name: a, nodes: 2}, {name: b, nodes: 2}]";
        String autoscale = "{nodeCap: 4, maxConcurrent: {starts: 1, upgrades: 1, removals: 1, operations: 4}, "
                + "delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 0s}}";
        ApplyReport applied = injector.getInstance(ApplyService.class).apply(spec(500, "{version: 0.4.15}", two, autoscale), false);
        assertThat(applied.ok()).as(applied.toString()).isTrue();
        assertThat(answeredVersions()).containsOnly("0.4.15").hasSize(4);
        RunTarget target = RunTarget.of(spec(500, "{version: 0.4.17}", two, autoscale), 2);

        for (int i = 1; i <= 4; i++) {
            CycleReport report = cycle(target, LOW);
            assertThat(report.decisions().list()).filteredOn(d -> d.action() == Action.UPGRADE).singleElement()
                    .satisfies(d -> assertThat(d.services()).hasSize(1));
            List<String> versions = answeredVersions();
            assertThat(versions).as("after cycle " + i).doesNotContain("silent");
            assertThat(versions.stream().filter("0.4.17"::equals).count()).as("after cycle " + i).isEqualTo(i);
        }
        assertThat(count(NodeStatus.RUNNING)).isEqualTo(4);
        List<Operation> upgrades = injector.getInstance(OperationJournal.class).recent(100).stream()
                .filter(o -> o.intent().equals("upgrade")).toList();
        assertThat(upgrades).hasSize(4).allSatisfy(o -> assertThat(o.services()).hasSize(1));
        assertThat(upgrades.stream().map(Operation::containerId).distinct().count()).as("both containers").isEqualTo(2);
        assertThat(cycle(target, LOW).decisions().actions()).doesNotContain(Action.UPGRADE);

        RunTarget unknown = RunTarget.of(spec(500, "{version: 0.4.99}", two, autoscale), 2);
        CycleReport failed = leased(unknown, LOW);
        assertThat(failed.ok()).isFalse();
        assertThat(failed.execution().orElseThrow().haltedRoll()).isPresent();
        assertThat(failed.notes()).anySatisfy(n -> assertThat(n).startsWith("rolling upgrade stopped"));
        CycleReport after = leased(unknown, LOW);
        assertThat(after.decisions().actions()).doesNotContain(Action.UPGRADE);
        assertThat(after.notes()).anySatisfy(n -> assertThat(n).contains("halted"));
        assertThat(answeredVersions()).containsOnly("0.4.17").hasSize(4);
        assertThat(injector.getInstance(io.antfleet.store.DecisionLog.class).recent(100))
                .filteredOn(d -> d.action().equals("UPGRADE")).extracting(d -> d.outcome())
                .containsExactly("FAILED", "DONE", "DONE", "DONE", "DONE");
    }
}
