package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.OwnedResources;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.run.CycleReport;
import io.antfleet.engine.run.HostSource;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunTarget;
import io.antfleet.engine.status.StatusService;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.TlsPaths;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.HistoryLog;
import io.antfleet.store.HostReading;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.StoreModule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code antfleet run} over a fleet spread on the local engine and two {@link NetnsEngine}s (far, near: a dockerd
 * each in its own network namespace, mutual TLS over a veth pair the fixture addresses): remote nodes are read
 * through the probe (their 127.0.0.1 is not ours), each host is decided on its own figures, and an engine that stops
 * in the middle of a run is reported while the other hosts keep their cycle. One container of 1-3 stand-in nodes
 * per host. Ports: local and near 46700 (node), 47700 (metrics), 48700 (rpc); far 31700, 32700, 33700.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class MultiHostRunIT {
    private static final String IMAGE = "antfleet/agent:stand-in";
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final HostSample LOW = HostSample.idle().withCpu(5).withMem(10).withDisk(20).withLoad(0.1, 0.1, 0.1);
    private static final HostSample HIGH = LOW.withMem(90);
    /** Between the add and remove levels: the loop holds (only restarts and upgrades may happen). */
    private static final HostSample HOLD = LOW.withCpu(60);
    private static NetnsEngine far;
    private static NetnsEngine near;

    private final String fleet = "mhr-" + UUID.randomUUID().toString().substring(0, 6);
    private final Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
        @Override
        protected void configure() {
            bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
        }
    }, new StoreModule(Database.inMemory(fleet.replace('-', '_'))), new DockerModule(), new AntctlModule(),
            new io.antfleet.ant.AntModule(), new MetricsModule(SweepSettings.defaults()), new EngineModule()));

    @BeforeAll
    static void startEngines() {
        List<NetnsEngine> engines = NetnsEngine.startLoaded(2, IMAGE);
        far = engines.get(0);
        near = engines.get(1);
    }

    @AfterAll
    static void removeEngines() {
        NetnsEngine.closeAll(far, near);
    }

    /** This fleet's containers on every engine (the netns engines' also go when they close). */
    @AfterEach
    void removeContainers() {
        try (DockerJavaGateway local = new DockerJavaGateway(DockerSettings.defaults())) {
            local.listByLabels(Map.of("antfleet.fleet", fleet)).forEach(c -> local.remove(c.id(), true));
        }
        for (NetnsEngine engine : new NetnsEngine[] {far, near}) {
            engine.removeContainers("--filter", "label=antfleet.fleet=" + fleet);
        }
        injector.getInstance(OwnedResources.class).close();
    }

    private FleetSpec spec(String nodes, String autoscale) {
        return new SpecLoader().parse("multi-host-run.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + IMAGE, "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'", "network: evm-local",
                "noUpnp: true", "antnode: {version: 0.4.17}", "ports: {node: 46700, metrics: 47700, rpc: 48700, blockSize: 10}",
                "hosts:",
                "  - name: far", "    docker: " + far.endpoint(), "    tls: " + tls(far.trustedClient()),
                "    ports: {node: 31700, metrics: 32700, rpc: 33700, blockSize: 10}",
                "  - name: near", "    docker: " + near.endpoint(), "    tls: " + tls(near.trustedClient()),
                "containers:", "  - {name: alpha, nodes: " + nodes + "}", "  - {name: beta, host: far, nodes: " + nodes + "}",
                "  - {name: gamma, host: near, nodes: " + nodes + "}",
                "autoscale: " + autoscale, ""));
    }

    private static String tls(TlsPaths tls) {
        return "{caCert: " + tls.caCert() + ", cert: " + tls.cert() + ", key: " + tls.key() + "}";
    }

    private void apply(FleetSpec spec) {
        ApplyReport applied = injector.getInstance(ApplyService.class).apply(spec, false);
        assertThat(applied.ok()).as(applied.toString()).isTrue();
    }

    private List<Node> nodes(String container) {
        Container row = injector.getInstance(ContainerRepository.class).findAll().stream()
                .filter(c -> c.name().equals(fleet + "-" + container)).findFirst().orElseThrow();
        return injector.getInstance(NodeRepository.class).findByContainer(row.id());
    }

    private long running(String container) {
        return nodes(container).stream().filter(n -> n.status() == NodeStatus.RUNNING).count();
    }

    /** The local host at {@code local}; far and near as {@code remote} says, each given what its probes measured. */
    private static HostSource hosts(HostSample local, Map<String, HostSample> remote, Map<String, HostSample> measured) {
        return new HostSource() {
            @Override
            public HostSample sample() {
                return local;
            }

            @Override
            public Optional<Instant> bootTime() {
                return Optional.empty();
            }

            @Override
            public Optional<HostSample> remote(String host, Optional<HostSample> seen) {
                seen.ifPresent(s -> measured.put(host, s));
                return Optional.ofNullable(remote.get(host));
            }
        };
    }

    private CycleReport leasedCycle(RunTarget target, HostSource host) {
        DatabaseLease lease = injector.getInstance(DatabaseLease.class);
        String holder = LeaseHolderProcess.holderForThisProcess("multi-host-run-it");
        assertThat(lease.tryAcquire(holder, Duration.ofHours(1))).isTrue();
        try {
            CycleReport report = injector.getInstance(RunLoop.class).cycle(target, host, false);
            assertThat(report.ok()).as(report.execution().toString()).isTrue();
            return report;
        } finally {
            lease.release(holder);
        }
    }

    private static List<Decision> on(CycleReport report, String host) {
        return report.decisions().list().stream().filter(d -> d.reason().startsWith("host " + host + ": ")).toList();
    }

    @Test
    void oneHostUnderSimulatedPressureShedsWhileTheOthersGrowEachReadOnItsOwnFigures() throws Exception {
        apply(spec("1", "{nodeCap: 9}"));
        RunTarget target = RunTarget.of(spec("{min: 0, max: 3}", "{nodeCap: 9, maxConcurrent: {starts: 1, upgrades: 1,"
                + " removals: 1, operations: 6}, delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 0s}}"), 2);
        Map<String, HostSample> measured = new ConcurrentHashMap<>();
        HostSource farUnderPressure = hosts(LOW, Map.of("far", HIGH, "near", LOW), measured);

        CycleReport first = leasedCycle(target, farUnderPressure);

        assertThat(on(first, "local")).extracting(Decision::action).containsExactly(Action.ADD);
        assertThat(on(first, "far")).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(Action.STOP);
            assertThat(d.reason()).contains("mem 90.0% > mem_remove");
        });
        assertThat(on(first, "near")).extracting(Decision::action).containsExactly(Action.ADD);
        assertThat(first.answering()).as("the remote nodes read through the probe").isEqualTo(3);
        assertThat(measured).as("each remote host's figures came from its own probes").containsOnlyKeys("far", "near");
        assertThat(measured.get("near").memPercent()).isPositive();
        assertThat(nodes("gamma")).filteredOn(n -> n.service().value().equals("antnode1")).singleElement()
                .satisfies(n -> assertThat(n.readings().peerId()).as("read inside near's container").startsWith("12D3KooW"));

        for (int i = 0; i < 3 && (running("alpha") < 3 || running("gamma") < 3); i++) {
            leasedCycle(target, farUnderPressure);
        }
        assertThat(running("alpha")).isEqualTo(3);
        assertThat(running("gamma")).isEqualTo(3);
        assertThat(running("beta")).isZero();
        assertThat(injector.getInstance(HistoryLog.class).hostsLatest()).extracting(HostReading::host)
                .containsExactlyInAnyOrder("local", "far", "near");

        // status --output json after one more cycle (it reads the nodes the last one added): each container's host,
        // and the readings the probe brought of the remote nodes
        leasedCycle(target, farUnderPressure);
        JsonNode status = new ObjectMapper().readTree(io.antfleet.cli.render.StatusRenderer.json(
                injector.getInstance(StatusService.class).status(Optional.empty(), Optional.of(fleet))));
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        status.get("containers").forEach(c -> byName.put(c.get("name").asText(), c));
        assertThat(byName.get(fleet + "-gamma").get("host").asText()).isEqualTo("near");
        assertThat(byName.get(fleet + "-beta").get("host").asText()).isEqualTo("far");
        assertThat(byName.get(fleet + "-gamma").get("nodes")).hasSize(3).allSatisfy(n -> {
            assertThat(n.get("readAt").isNull()).as("read this run: %s", n).isFalse();
            assertThat(n.get("records").isNumber()).as("records of %s", n).isTrue();
            assertThat(n.get("connectedPeers").isNumber()).isTrue();
        });
    }

    @Test
    void anEngineStoppedInTheMiddleOfARunIsReportedTheOthersKeepTheirCycleAndAfterItsRestartTheNextCycleIsClean()
            throws InterruptedException {
        FleetSpec spec = spec("1", "{nodeCap: 9, delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 0s}}");
        apply(spec);
        RunLoop loop = injector.getInstance(RunLoop.class);
        List<CycleReport> reports = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> died = new AtomicReference<>();
        AtomicReference<HostSample> now = new AtomicReference<>(HOLD);
        HostSource hold = new HostSource() {
            @Override
            public HostSample sample() {
                return now.get();
            }

            @Override
            public Optional<Instant> bootTime() {
                return Optional.empty();
            }

            @Override
            public Optional<HostSample> remote(String host, Optional<HostSample> seen) {
                return Optional.of(now.get());
            }
        };
        Thread run = new Thread(() -> {
            try {
                loop.run(RunTarget.of(spec, 2), hold, Duration.ofMillis(500), false, reports::add);
            } catch (Throwable t) {
                died.set(t);
            }
        }, "multi-host-run-loop");
        run.start();
        try {
            awaitReport(reports, 0, "a clean cycle with every node answering", r -> r.docker().clean() && r.notes().isEmpty()
                    && r.answering() == 3);

            near.stop();
            CycleReport blind = awaitReport(reports, reports.size(), "a cycle naming near's engine",
                    r -> r.notes().stream().anyMatch(n -> n.contains("near")));
            assertThat(run.isAlive()).as("the run goes on: %s", died.get()).isTrue();
            assertThat(blind.notes()).anySatisfy(n -> assertThat(n).contains("host near").contains(near.endpoint()));
            assertThat(blind.answering()).as("local and far still read").isEqualTo(2);
            assertThat(on(blind, "local")).extracting(Decision::action).containsExactly(Action.SURVEY);
            assertThat(on(blind, "far")).extracting(Decision::action).containsExactly(Action.SURVEY);
            assertThat(running("alpha")).isEqualTo(1);
            assertThat(running("beta")).isEqualTo(1);

            near.startAgain();
            int back = reports.size();
            CycleReport clean = awaitReport(reports, back, "a clean cycle after near's restart",
                    r -> r.docker().clean() && r.notes().isEmpty());
            assertThat(clean.answering()).as("near's container came back with Docker, its node stopped with it").isEqualTo(2);
            now.set(LOW); // room on every host: the loop starts near's stopped node through near's engine
            awaitReport(reports, reports.indexOf(clean) + 1, "near's node answering again, started by the loop",
                    r -> r.answering() == 3);
            assertThat(running("gamma")).isEqualTo(1);
            assertThat(run.isAlive()).as("the run goes on: %s", died.get()).isTrue();
        } finally {
            loop.stop();
            run.join(TimeUnit.MINUTES.toMillis(2));
        }
    }

    private static CycleReport awaitReport(List<CycleReport> reports, int from, String what, Predicate<CycleReport> wanted) {
        AtomicReference<CycleReport> found = new AtomicReference<>();
        Awaitility.await(what).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Optional<CycleReport> r = reports.subList(Math.min(from, reports.size()), reports.size()).stream().filter(wanted).findFirst();
            r.ifPresent(found::set);
            return r.isPresent();
        });
        return found.get();
    }
}
