package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.antfleet.ant.AntManagers;
import io.antfleet.ant.AntModule;
import io.antfleet.ant.AntNode;
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
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.StoreModule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code antfleet run} over a {@code nodeManager: ant} fleet, against real Docker and the
 * antfleet/agent:ant-stand-in image: the same engine grows it to its cap; a node that crashes is restarted by
 * the ant daemon (§3.6) and the next cycle shows it running; a self-upgrade (the stand-in's
 * {@code standin-upgrade} hook, agent-image/README.md) is recorded on the row and in the decision log.
 */
class RunAntIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final HostSample LOW = HostSample.idle().withCpu(5).withMem(10).withDisk(20).withLoad(0.1, 0.1, 0.1);

    private final String fleet = "runant" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final int base = 100 * ThreadLocalRandom.current().nextInt(0, 40);
    private final Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
        @Override
        protected void configure() {
            bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
        }
    }, new StoreModule(Database.inMemory(fleet)), new DockerModule(), new AntctlModule(), new AntModule(),
            new MetricsModule(SweepSettings.defaults()), new EngineModule()));
    private final DockerGateway docker = injector.getInstance(DockerGateway.class);
    private final RunLoop loop = injector.getInstance(RunLoop.class);

    @AfterEach
    void removeTheFleetsContainers() {
        for (ContainerInfo c : docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            docker.remove(c.id(), true);
        }
        injector.getInstance(OwnedResources.class).close();
    }

    private FleetSpec spec() {
        return new SpecLoader().parse("run-ant.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: antfleet/agent:ant-stand-in", "nodeManager: ant", "rewardsAddress: '" + WALLET + "'",
                "network: evm-arbitrum-sepolia-test", "antnode: {path: /opt/ant-node/0.14.2/ant-node}",
                "ports: {node: " + (37000 + base) + ", metrics: " + (41000 + base) + ", rpc: " + (33000 + base) + ", blockSize: 10}",
                "containers: [{name: a, nodes: {min: 1, max: 2}}]",
                "autoscale: {nodeCap: 2, delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 0s}}", ""));
    }

    private CycleReport cycle(RunTarget target) {
        DatabaseLease lease = injector.getInstance(DatabaseLease.class);
        String holder = LeaseHolderProcess.holderForThisProcess("run-ant-it");
        assertThat(lease.tryAcquire(holder, Duration.ofHours(1))).isTrue();
        try {
            CycleReport report = loop.cycle(target, HostSource.assumed(LOW), false);
            assertThat(report.ok()).as(report.execution().toString()).isTrue();
            return report;
        } finally {
            lease.release(holder);
        }
    }

    private List<String> rows() {
        long id = injector.getInstance(ContainerRepository.class).findByName(fleet + "-a").orElseThrow().id();
        return injector.getInstance(NodeRepository.class).findByContainer(id).stream()
                .map(n -> n.service() + " " + n.status() + " " + n.version()).toList();
    }

    private AntNode daemonSays(String service) {
        return injector.getInstance(AntManagers.class).forContainer(fleet + "-a", fleet + "-a").survey().stream()
                .filter(n -> n.service().value().equals(service)).findFirst().orElseThrow();
    }

    /**
     * A stand-in hook file in a node's root dir (argument lists, no shell): dd takes exactly the content's bytes
     * from stdin (the gateway does not signal its end), into a temporary name the node ignores, then a rename
     * puts it in place whole.
     */
    private void hook(String service, String file, String content) {
        String dir = daemonSays(service).dataDir();
        String text = content + "\n";
        assertThat(docker.exec(fleet + "-a", List.of("dd", "of=" + dir + "/.hook", "bs=1", "count=" + text.length()), null,
                Map.of(), text, Duration.ofSeconds(20)).exitCode()).isZero();
        assertThat(docker.exec(fleet + "-a", List.of("mv", dir + "/.hook", dir + "/" + file), null, Map.of(), null,
                Duration.ofSeconds(20)).exitCode()).isZero();
    }

    @Test
    void runGrowsAnAntFleetSeesADaemonRestartedCrashAndRecordsASelfUpgrade() {
        FleetSpec spec = spec();
        ApplyReport applied = injector.getInstance(ApplyService.class).apply(spec, false);
        assertThat(applied.ok()).as(applied.toString()).isTrue();
        RunTarget target = RunTarget.of(spec, 2);

        CycleReport first = cycle(target);
        assertThat(rows()).containsExactly("node1 RUNNING 0.14.2", "node2 RUNNING 0.14.2");
        assertThat(first.notes()).noneMatch(n -> n.contains("probe"));

        int crashedPid = daemonSays("node1").pid();
        hook("node1", "standin-exit", "1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AntNode node1 = daemonSays("node1");
            assertThat(node1.managerStatus()).isEqualTo("running");
            assertThat(node1.pid()).isNotNull().isNotEqualTo(crashedPid);
        });
        CycleReport second = cycle(target);
        assertThat(rows()).first().isEqualTo("node1 RUNNING 0.14.2");
        assertThat(second.notes()).noneMatch(n -> n.contains("probe"));
        // node2 started during the first cycle, after its observation: by the second, both nodes have been probed
        long id = injector.getInstance(ContainerRepository.class).findByName(fleet + "-a").orElseThrow().id();
        assertThat(injector.getInstance(NodeRepository.class).findByContainer(id)).as("readings from antfleet-probe")
                .allSatisfy(n -> {
                    assertThat(n.readings().peerId()).matches("[0-9a-f]{64}");
                    assertThat(n.readings().records()).isNotNull();
                    assertThat(n.readings().memoryMb()).isPositive();
                    assertThat(n.readings().version()).isEqualTo("0.14.2");
                });
        assertThat(injector.getInstance(NodeRepository.class).readTimes(id)).hasSize(2);

        hook("node2", "standin-upgrade", "0.14.3");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AntNode node2 = daemonSays("node2");
            assertThat(node2.version()).isEqualTo("0.14.3");
            assertThat(node2.managerStatus()).isEqualTo("running");
        });
        CycleReport seen = cycle(target);

        assertThat(rows()).containsExactly("node1 RUNNING 0.14.2", "node2 RUNNING 0.14.3");
        assertThat(seen.notes()).anySatisfy(n -> assertThat(n).contains("node2").contains("upgraded itself from 0.14.2 to 0.14.3"));
        assertThat(injector.getInstance(DecisionLog.class).recent(50)).anySatisfy(d -> {
            assertThat(d.action()).isEqualTo("SELF_UPGRADE");
            assertThat(d.services()).containsExactly("node2");
        });
        assertThat(cycle(target).notes()).noneMatch(n -> n.contains("upgraded itself"));
    }
}
