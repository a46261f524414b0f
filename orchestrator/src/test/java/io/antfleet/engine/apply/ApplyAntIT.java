package io.antfleet.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.antfleet.ant.AntModule;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerModule;
import io.antfleet.docker.ExecResult;
import io.antfleet.engine.EngineModule;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.teardown.TeardownService;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
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
 * apply of a {@code nodeManager: ant} fleet against real Docker and the antfleet/agent:ant-stand-in image
 * (ant-v2-contract.md): 2 containers of 2 nodes, re-apply changes nothing, scale-down deletes the registry
 * entry and the node's directories, import reads the registry again, teardown removes everything.
 */
class ApplyAntIT {
    static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private final String fleet = "antit" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final int base = 100 * ThreadLocalRandom.current().nextInt(0, 40);
    private final Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
        @Override
        protected void configure() {
            bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
        }
    }, new StoreModule(Database.inMemory(fleet)), new DockerModule(), new AntctlModule(), new AntModule(), new EngineModule(),
            new MetricsModule(SweepSettings.defaults())));
    private final ApplyService service = injector.getInstance(ApplyService.class);
    private final DockerGateway docker = injector.getInstance(DockerGateway.class);

    private FleetSpec spec(String containers) {
        return new SpecLoader().parse("it.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: antfleet/agent:ant-stand-in", "nodeManager: ant", "rewardsAddress: '" + WALLET + "'",
                "network: evm-arbitrum-sepolia-test", "antnode: {path: /opt/ant-node/0.14.2/ant-node}",
                "ports: {node: " + (36000 + base) + ", metrics: " + (40000 + base) + ", rpc: " + (32000 + base) + ", blockSize: 10}",
                "containers: " + containers, ""));
    }

    @AfterEach
    void removeTheFleetsContainers() {
        for (ContainerInfo c : docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            docker.remove(c.id(), true);
        }
    }

    private List<String> rows(String dockerName) {
        long id = injector.getInstance(ContainerRepository.class).findByName(dockerName).orElseThrow().id();
        return injector.getInstance(NodeRepository.class).findByContainer(id).stream()
                .map(n -> n.service() + " " + n.status() + " " + n.version() + " " + n.nodePort()).toList();
    }

    /** The first node port of the block apply recorded for the container (blocks skip ports other fleets hold). */
    private int firstPort(String dockerName) {
        return injector.getInstance(ContainerRepository.class).findByName(dockerName).orElseThrow().ports().node().first();
    }

    private ExecResult exec(String container, String... command) {
        return docker.exec(container, List.of(command), null, Map.of(), null, Duration.ofSeconds(20));
    }

    @Test
    void anAntFleetIsAppliedReappliedScaledDownImportedAndTornDown() {
        FleetSpec two = spec("[{name: a, nodes: 2}, {name: b, nodes: 2}]");

        ApplyReport first = service.apply(two, false);

        assertThat(first.ok()).as(first.toString()).isTrue();
        int port = firstPort(fleet + "-a");
        assertThat(port).isGreaterThanOrEqualTo(36000 + base);
        assertThat(rows(fleet + "-a")).containsExactly("node1 RUNNING 0.14.2 " + port, "node2 RUNNING 0.14.2 " + (port + 1));
        assertThat(rows(fleet + "-b")).hasSize(2).allMatch(r -> r.contains(" RUNNING 0.14.2 "));
        assertThat(exec(fleet + "-a", "ant", "node", "status", "--json").stdout()).contains("\"total_running\": 2");

        assertThat(service.plan(two, false).isEmpty()).isTrue();

        ApplyReport down = service.apply(spec("[{name: a, nodes: 1}, {name: b, nodes: 2}]"), false);
        assertThat(down.ok()).as(down.toString()).isTrue();
        assertThat(rows(fleet + "-a")).containsExactly("node1 RUNNING 0.14.2 " + port, "node2 DEAD 0.14.2 " + (port + 1));
        String registry = exec(fleet + "-a", "cat", "/home/ant/.local/share/ant/node_registry.json").stdout();
        assertThat(registry).contains("\"node1\"").doesNotContain("\"node2\"");
        assertThat(exec(fleet + "-a", "ls", "/home/ant/.local/share/ant/nodes").stdout().strip()).isEqualTo("node-1");

        ImportReport imported = injector.getInstance(ImportService.class).importContainers(List.of(fleet + "-b"),
                Optional.of(ProcessManager.ANT));
        assertThat(imported.containers()).singleElement().satisfies(c -> {
            assertThat(c.error()).isNull();
            assertThat(c.nodes()).extracting(n -> n.service() + " " + n.status()).containsExactly("node1 RUNNING", "node2 RUNNING");
        });

        assertThat(injector.getInstance(TeardownService.class).teardown(Optional.of(fleet), Optional.empty(), true))
                .allSatisfy(o -> assertThat(o.error()).isEmpty());
        assertThat(docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))).isEmpty();
    }
}
