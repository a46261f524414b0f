package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.engine.run.CycleReport;
import io.antfleet.engine.run.HostSource;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunTarget;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolderProcess;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreModule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One node answering hostile values next to healthy ones, in a real stand-in container: antnode2's registry
 * entry carries a version with a line break and a 300-character peer id (as {@code antctl status --json}
 * prints them), and what answers on antnode3's metrics port claims rewards of {@code 1e-999999999}. Import
 * records antnode1 and antnode3 as usual and antnode2 as UNKNOWN with the reason in its report and the
 * journal; a run cycle keeps the readings of the nodes that answered sensibly, refuses antnode3's answer
 * alone and says so in the cycle's notes. Fleet {@code hostile-<random>}, ports 57100-57199.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileNodeValuesIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    /** Between the add and remove levels: the cycle only surveys, so nothing but the readings changes. */
    private static final HostSample BAND = HostSample.idle().withCpu(5).withMem(65).withDisk(20).withLoad(0.1, 0.1, 0.1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String fleet = "hostile-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
        @Override
        protected void configure() {
            bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
        }
    }, new StoreModule(Database.inMemory(fleet.replace('-', '_'))), new DockerModule(), new AntctlModule(),
            new MetricsModule(SweepSettings.defaults()), new EngineModule()));
    private final DockerGateway docker = injector.getInstance(DockerGateway.class);
    private HttpServer hostile;

    @AfterEach
    void removeTheFleet() {
        if (hostile != null) {
            hostile.stop(0);
        }
        for (ContainerInfo c : docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            docker.remove(c.id(), true);
        }
        injector.getInstance(OwnedResources.class).close(); // the executors, the sweep, Docker's client
    }

    @Test
    void aNodeWithHostileValuesIsRefusedAloneThroughImportAndARunCycle() throws Exception {
        FleetSpec spec = new SpecLoader().parse("hostile.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "network: evm-local", "noUpnp: true", "ports: {node: 57100, metrics: 57130, rpc: 57160, blockSize: 10}",
                "containers: [{name: c0, nodes: {min: 3, max: 3}}]", ""));
        assertThat(injector.getInstance(ApplyService.class).apply(spec, false).ok()).isTrue();
        String container = spec.dockerName("c0");
        String version = node(container, "antnode2").version();
        assertThat(version).isNotNull();
        Node third = node(container, "antnode3");
        antctl(container, "stop", "--service-name", "antnode3");
        hostile = hostileServerOn(third.metricsPort());
        tamperRegistry(container, "antnode2", "0.4.17\nnodes,id=9 injected=1i", "A".repeat(300));

        ImportReport imported = injector.getInstance(ImportService.class).importContainers(List.of(container), Optional.empty());

        ImportReport.ContainerImport c = imported.containers().get(0);
        assertThat(c.error()).isNull();
        assertThat(c.nodes()).extracting(ImportReport.ImportedNode::service).containsExactly("antnode1", "antnode2", "antnode3");
        assertThat(c.nodes().get(1).problem()).contains("is not a version", "\\u000a");
        assertThat(node(container, "antnode1")).satisfies(n -> {
            assertThat(n.status()).isEqualTo(NodeStatus.RUNNING);
            assertThat(n.version()).isEqualTo(version);
        });
        assertThat(node(container, "antnode2")).satisfies(n -> {
            assertThat(n.status()).isEqualTo(NodeStatus.UNKNOWN);
            assertThat(n.version()).as("what was recorded before stays").isEqualTo(version);
            assertThat(n.peerId()).hasSizeLessThan(100);
        });
        assertThat(node(container, "antnode3").status()).isEqualTo(NodeStatus.STOPPED);
        assertThat(injector.getInstance(OperationJournal.class).recent(100)).filteredOn(o -> o.intent().equals("refuse-node-values"))
                .singleElement().satisfies(o -> {
                    assertThat(o.state()).isEqualTo(OperationState.FAILED);
                    assertThat(o.services()).containsExactly("antnode2");
                    assertThat(o.error()).contains("is not a version");
                });

        Instant before = Instant.now();
        // under the lease, as run holds it: a cycle may act on nodes
        DatabaseLease lease = injector.getInstance(DatabaseLease.class);
        String holder = LeaseHolderProcess.holderForThisProcess("hostile-it");
        assertThat(lease.tryAcquire(holder, Duration.ofMinutes(5))).isTrue();
        CycleReport cycle;
        try {
            cycle = injector.getInstance(RunLoop.class).cycle(RunTarget.of(spec, 2), HostSource.assumed(BAND), false);
        } finally {
            lease.release(holder);
        }

        assertThat(cycle.notes()).filteredOn(n -> n.contains("antnode3")).singleElement().satisfies(n ->
                assertThat(n).contains("refused", "1e-999999999", "at most 100"));
        assertThat(cycle.answering()).as("antnode1 and antnode2 answered sensibly").isEqualTo(2);
        NodeRepository nodes = injector.getInstance(NodeRepository.class);
        for (String healthy : List.of("antnode1", "antnode2")) {
            Node n = node(container, healthy);
            assertThat(n.status()).as(healthy).isEqualTo(NodeStatus.RUNNING);
            assertThat(nodes.readingsSince(n.id(), before.minusSeconds(1))).as(healthy).isNotEmpty();
            assertThat(n.readings().version()).isNotNull();
        }
        Node refused = node(container, "antnode3");
        assertThat(refused.status()).isEqualTo(NodeStatus.STOPPED);
        assertThat(nodes.readingsSince(refused.id(), before.minusSeconds(1))).isEmpty();
        assertThat(hostileRequests.get()).as("the hostile endpoint was asked").isNotNull();
    }

    private final AtomicReference<String> hostileRequests = new AtomicReference<>();

    private Node node(String container, String service) {
        long id = injector.getInstance(ContainerRepository.class).findByName(container).orElseThrow().id();
        return injector.getInstance(NodeRepository.class).find(id, ServiceName.of(service)).orElseThrow();
    }

    private void antctl(String container, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("antctl"));
        command.addAll(List.of(args));
        ExecResult r = docker.exec(container, command, "root", Map.of(), null, Duration.ofMinutes(2));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    }

    /** Rewrites one entry of antctl's registry, as a broken or hostile node manager could leave it. */
    private void tamperRegistry(String container, String service, String version, String peerId) throws IOException {
        String path = "/var/antctl/node_registry.json";
        ExecResult read = docker.exec(container, List.of("cat", path), "root", Map.of(), null, Duration.ofSeconds(30));
        ObjectNode registry = (ObjectNode) JSON.readTree(read.stdout());
        registry.withArray("nodes").forEach(n -> {
            if (service.equals(n.path("service_name").asText())) {
                ((ObjectNode) n).put("version", version).put("peer_id", peerId);
            }
        });
        String content = JSON.writeValueAsString(registry);
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        // stdin's end is not signalled through docker-java's transport: read an exact byte count
        ExecResult write = docker.exec(container, List.of("dd", "of=" + path, "bs=1", "count=" + bytes), "root", Map.of(),
                content, Duration.ofSeconds(60));
        assertThat(write.exitCode()).as(write.stderr()).isZero();
    }

    /** An endpoint on the stopped node's metrics port: a valid body, but rewards of 1e-999999999. */
    private HttpServer hostileServerOn(int port) {
        String metrics = "# TYPE ant_node_uptime gauge\nant_node_uptime 120\n"
                + "# TYPE ant_node_current_reward_wallet_balance gauge\nant_node_current_reward_wallet_balance 1e-999999999\n# EOF\n";
        String metadata = "ant_networking_peer_id_info{peer_id=\"12D3KooWHostile\"} 1\n"
                + "ant_node_antnode_version_info{antnode_version=\"0.4.17\"} 1\n# EOF\n";
        AtomicReference<HttpServer> server = new AtomicReference<>();
        Awaitility.await("antnode3's metrics port free").atMost(30, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                .ignoreExceptions().until(() -> {
                    server.set(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
                    return true;
                });
        server.get().createContext("/metrics", ex -> answer(ex, metrics));
        server.get().createContext("/metadata", ex -> answer(ex, metadata));
        server.get().start();
        return server.get();
    }

    private void answer(HttpExchange exchange, String body) throws IOException {
        hostileRequests.set(exchange.getRequestURI().getPath());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
