package io.antfleet.engine.run;

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
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.StandInContainers;
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.VersionChanges;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.engine.status.FleetStatus;
import io.antfleet.engine.status.StatusService;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.MetricsSweep;
import io.antfleet.metrics.SweepTarget;
import io.antfleet.metrics.SweptNode;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreModule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * antnode's self-upgrade (ant-node src/bin/antnode/main.rs:491-545), simulated by the stand-in (a
 * {@code self-upgrade} file in the node's data dir; the next refresh replaces the binary and restarts the node),
 * against a spec that pins the old version: {@code status} shows it, the run cycle records it as SELF_UPGRADE
 * in the decision log and on the row and does not downgrade it, apply's plan notes it and changes nothing.
 * Real Docker, the stand-in image, the embedded store; ports 46900-48909 (RunIT's range, its own block).
 */
class SelfUpgradeIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final HostSample LOW = HostSample.idle().withCpu(5).withMem(10).withDisk(20).withLoad(0.1, 0.1, 0.1);

    private final String fleet = "selfup-it-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
        @Override
        protected void configure() {
            bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
        }
    }, new StoreModule(Database.inMemory(fleet.replace('-', '_'))), new DockerModule(), new AntctlModule(), new io.antfleet.ant.AntModule(),
            new MetricsModule(SweepSettings.defaults()), new EngineModule()));
    private final DockerGateway docker = injector.getInstance(DockerGateway.class);

    @AfterEach
    void removeTheFleetsContainers() {
        for (ContainerInfo c : docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            docker.remove(c.id(), true);
        }
        injector.getInstance(OwnedResources.class).close();
    }

    private FleetSpec spec() {
        return new SpecLoader().parse("selfup-it.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "network: evm-local", "noUpnp: true", "antnode: {version: 0.4.16}",
                "ports: {node: 46900, metrics: 47900, rpc: 48900, blockSize: 10}",
                "containers: [{name: a, nodes: 2}]",
                "autoscale: {nodeCap: 2, delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 0s}}", ""));
    }

    private Node row(String service) {
        long id = injector.getInstance(ContainerRepository.class).findByName(fleet + "-a").orElseThrow().id();
        return injector.getInstance(NodeRepository.class).find(id, ServiceName.of(service)).orElseThrow();
    }

    private CycleReport leasedCycle(RunTarget target) {
        DatabaseLease lease = injector.getInstance(DatabaseLease.class);
        String holder = LeaseHolderProcess.holderForThisProcess("selfup-it");
        assertThat(lease.tryAcquire(holder, Duration.ofHours(1))).isTrue();
        try {
            return injector.getInstance(RunLoop.class).cycle(target, HostSource.assumed(LOW), false);
        } finally {
            lease.release(holder);
        }
    }

    private String answeredVersion(Node n) {
        SweptNode p = injector.getInstance(MetricsSweep.class).sweep(List.of(SweepTarget.local("probe", n.metricsPort()))).get(0);
        return p.isRunning() ? p.readings().version() : null;
    }

    @Test
    void aNodeThatUpgradedItselfAheadOfThePinIsShownRecordedOnceAndNeverDowngraded() {
        ApplyService apply = injector.getInstance(ApplyService.class);
        ApplyReport applied = apply.apply(spec(), false);
        assertThat(applied.ok()).as(applied.toString()).isTrue();
        Node one = row("antnode1");
        assertThat(one.version()).isEqualTo("0.4.16");
        // the stand-in's trigger: the version to move to, in the node's data dir (agent-image/README.md, self-upgrade)
        ExecResult trigger = docker.exec(fleet + "-a", List.of("dd", "of=" + one.dataDir() + "/self-upgrade", "bs=1", "count=6"),
                "root", Map.of(), "0.4.17", Duration.ofSeconds(10));
        assertThat(trigger.exitCode()).as(trigger.stderr()).isZero();

        FleetStatus seen = injector.getInstance(StatusService.class).status(Optional.of(fleet + "-a"));
        // the stand-in restarted the node on the new binary; the cycle reads what it answers
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "0.4.17".equals(answeredVersion(one)));
        CycleReport cycle = leasedCycle(RunTarget.of(spec(), 2));
        CycleReport next = leasedCycle(RunTarget.of(spec(), 2));
        ApplyReport again = apply.apply(spec(), false);
        FleetStatus later = injector.getInstance(StatusService.class).status(Optional.of(fleet + "-a"));

        ServiceName antnode1 = ServiceName.of("antnode1");
        assertThat(seen.containers().get(0).selfUpgrades()).containsOnlyKeys(antnode1);
        assertThat(seen.containers().get(0).selfUpgrades().get(antnode1).at()).as("seen, not recorded yet").isNull();
        assertThat(cycle.notes()).anySatisfy(n -> assertThat(n).isEqualTo(fleet + "-a/antnode1: antnode upgraded itself "
                + "from 0.4.16 to 0.4.17 (no antfleet operation did it: recorded, not undone)"));
        assertThat(cycle.decisions().actions()).doesNotContain(Action.UPGRADE);
        assertThat(next.notes()).noneSatisfy(n -> assertThat(n).contains("upgraded itself"));
        assertThat(injector.getInstance(DecisionLog.class).recent(100))
                .filteredOn(d -> d.action().equals(VersionChanges.SELF_UPGRADE)).singleElement()
                .satisfies(d -> assertThat(d.services()).containsExactly("antnode1"));
        assertThat(again.ok()).as(again.toString()).isTrue();
        assertThat(again.plan().actions()).isEmpty();
        assertThat(again.plan().notes()).containsExactly("a/antnode1 runs 0.4.17, ahead of the spec's antnode 0.4.16: "
                + "kept (antfleet never downgrades a node)");
        assertThat(row("antnode1").version()).isEqualTo("0.4.17");
        assertThat(row("antnode2").version()).isEqualTo("0.4.16");
        assertThat(later.containers().get(0).selfUpgrades().get(antnode1).at()).as("recorded by the cycle").isNotNull();
        assertThat(injector.getInstance(OperationJournal.class).recent(100))
                .noneSatisfy(o -> assertThat(o.intent()).contains("upgrade"));
    }
}
