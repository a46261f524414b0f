package io.antfleet.engine.apply;

import io.antfleet.docker.StandInContainers;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerModule;
import io.antfleet.engine.node.NodeVerb;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.StoreModule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * apply against the real Docker daemon and the antfleet/agent:stand-in image: 3 containers x 4 nodes,
 * re-apply is a no-op, scale down and up, prune. Containers carry a fleet label unique to the run
 * and are removed afterwards; ports are a random free-looking range so parallel runs do not collide.
 */
class ApplyIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private final String fleet = "specit" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final int base = 100 * ThreadLocalRandom.current().nextInt(0, 40);
    private final Injector injector = Bootstrap.injector(List.of(new AbstractModule() {
        @Override
        protected void configure() {
            bind(GlobalOptions.class).toInstance(new GlobalOptions(Optional.empty(), Optional.empty(), OutputFormat.TABLE, false));
        }
    }, new StoreModule(Database.inMemory(fleet)), new DockerModule(), new AntctlModule(), new io.antfleet.ant.AntModule(), new io.antfleet.engine.EngineModule(),
            new io.antfleet.metrics.MetricsModule(io.antfleet.metrics.SweepSettings.defaults())));
    private final ApplyService service = injector.getInstance(ApplyService.class);
    private final DockerGateway docker = injector.getInstance(DockerGateway.class);

    private FleetSpec spec(String containers) {
        return new SpecLoader().parse("it.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "network: evm-local", "noUpnp: true",
                "ports: {node: " + (44000 + base) + ", metrics: " + (48000 + base) + ", rpc: " + (52000 + base) + ", blockSize: 10}",
                "containers: " + containers, ""));
    }

    @AfterEach
    void removeTheFleetsContainers() {
        for (ContainerInfo c : docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            docker.remove(c.id(), true); // and its named data volume
        }
    }

    private List<NodeStatus> statuses(String dockerName) {
        ContainerRepository containers = injector.getInstance(ContainerRepository.class);
        long id = containers.findByName(dockerName).orElseThrow().id();
        return injector.getInstance(NodeRepository.class).findByContainer(id).stream().map(Node::status).collect(Collectors.toList());
    }

    @Test
    void applyCreatesThreeContainersOfFourNodesThenReapplyScaleAndPruneConverge() {
        FleetSpec three = spec("[{name: a, nodes: 4}, {name: b, nodes: 4}, {name: c, nodes: 4}]");

        ApplyReport first = service.apply(three, false);

        assertThat(first.ok()).as(first.toString()).isTrue();
        assertThat(first.plan().summary().add()).isEqualTo(12);
        assertThat(docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))).hasSize(3).allMatch(ContainerInfo::running);
        assertThat(statuses(fleet + "-b")).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING, NodeStatus.RUNNING, NodeStatus.RUNNING);

        assertThat(service.apply(three, false).plan().isEmpty()).isTrue();

        ApplyReport down = service.apply(spec("[{name: a, nodes: 2}, {name: b, nodes: 4}, {name: c, nodes: 4}]"), false);
        assertThat(down.ok()).as(down.toString()).isTrue();
        assertThat(statuses(fleet + "-a")).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING, NodeStatus.DEAD, NodeStatus.DEAD);

        ApplyReport up = service.apply(spec("[{name: a, nodes: 3}, {name: b, nodes: 4}, {name: c, nodes: 4}]"), false);
        assertThat(up.ok()).as(up.toString()).isTrue();
        assertThat(statuses(fleet + "-a")).hasSize(5).endsWith(NodeStatus.RUNNING);

        ApplyReport pruned = service.apply(spec("[{name: a, nodes: 3}]"), true);
        assertThat(pruned.ok()).as(pruned.toString()).isTrue();
        assertThat(docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))).extracting(i -> i.labels().get(FleetLabels.CONTAINER))
                .containsExactly("a");
        assertThat(service.plan(spec("[{name: a, nodes: 3}]"), true).isEmpty()).isTrue();
    }

    @Test
    void statusShowsTheNodesAndTeardownResetsOneContainerThenRemovesThemAll() {
        FleetSpec two = spec("[{name: a, nodes: 2}, {name: b, nodes: 1}]");
        assertThat(service.apply(two, false).ok()).isTrue();

        io.antfleet.engine.status.FleetStatus status = injector.getInstance(io.antfleet.engine.status.StatusService.class)
                .status(Optional.of(fleet + "-a"));
        assertThat(status.containers()).singleElement().satisfies(c -> assertThat(c.nodes()).extracting(Node::status)
                .containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING));

        String report = injector.getInstance(io.antfleet.engine.report.ReportService.class).report(
                io.antfleet.engine.report.ReportKind.NODE_STATUS, io.antfleet.engine.report.ReportFormat.JSON,
                Optional.of(fleet + "-a"), List.of());
        assertThat(report).contains("\"antnode1\"", "\"antnode2\"", "RUNNING").doesNotContain("antnode3");

        io.antfleet.engine.teardown.TeardownService teardown = injector.getInstance(io.antfleet.engine.teardown.TeardownService.class);
        assertThat(teardown.teardown(Optional.of(fleet), Optional.of(fleet + "-a"), false)).singleElement()
                .satisfies(o -> assertThat(o.error()).isEmpty());
        assertThat(statuses(fleet + "-a")).isEmpty();
        assertThat(service.plan(two, false).actions()).extracting(a -> a.type() + " " + a.container() + " " + a.services())
                .containsExactly("add-nodes a [antnode1, antnode2]");

        assertThat(teardown.teardown(Optional.of(fleet), Optional.empty(), true)).allSatisfy(o -> assertThat(o.error()).isEmpty());
        assertThat(docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))).isEmpty();
    }

    @Test
    void nodeAddTakesTheNextPortsAndUpgradeByCountTakesTheOldestRunningNode() {
        String old = String.join("\n", "[{name: a, nodes: 2}]", "antnode: {version: 0.4.15}");
        assertThat(service.apply(spec(old), false).ok()).isTrue();
        // by Docker name: a spec name ("a") may name a container of another fleet on this shared engine
        io.antfleet.engine.node.NodeService nodes = injector.getInstance(io.antfleet.engine.node.NodeService.class);

        assertThat(nodes.add(fleet + "-a", new io.antfleet.engine.node.AddOptions(1, Optional.empty(),
                io.antfleet.fleet.spec.EvmNetwork.LOCAL, "0.4.16", null, true))).extracting(s -> s.value()).containsExactly("antnode3");
        assertThat(nodes.upgrade(fleet + "-a", List.of(), 1, null, null)).extracting(s -> s.value()).containsExactly("antnode1");

        io.antfleet.fleet.Container row = injector.getInstance(ContainerRepository.class).findByName(fleet + "-a").orElseThrow();
        // the block's first port: 44000 + base, unless another fleet on this shared engine holds that block
        int first = row.ports().node().first();
        assertThat(injector.getInstance(NodeRepository.class).findByContainer(row.id()))
                .extracting(n -> n.service().value() + " " + n.status() + " " + n.version() + " " + n.nodePort())
                .containsExactly("antnode1 RUNNING 0.4.17 " + first, "antnode2 RUNNING 0.4.15 " + (first + 1),
                        "antnode3 RUNNING 0.4.16 " + (first + 2));
    }

    @Test
    void nodeCommandsStopTheYoungestRestartAndRemoveByNameAndStartTheOldestStopped() {
        assertThat(service.apply(spec("[{name: a, nodes: 3}]"), false).ok()).isTrue();
        // by Docker name: a spec name ("a") may name a container of another fleet on this shared engine
        io.antfleet.engine.node.NodeService nodes = injector.getInstance(io.antfleet.engine.node.NodeService.class);
        ServiceName antnode1 = ServiceName.of("antnode1");

        assertThat(nodes.run(NodeVerb.STOP, fleet + "-a", List.of(), 2)).extracting(ServiceName::value).containsExactly("antnode3", "antnode2");
        assertThat(nodes.run(NodeVerb.RESTART, fleet + "-a", List.of(antnode1), 0)).containsExactly(antnode1);
        assertThat(nodes.run(NodeVerb.START, fleet + "-a", List.of(), 1)).extracting(ServiceName::value).containsExactly("antnode2");
        assertThat(nodes.run(NodeVerb.REMOVE, fleet + "-a", List.of(ServiceName.of("antnode3")), 0)).extracting(ServiceName::value)
                .containsExactly("antnode3");

        assertThat(statuses(fleet + "-a")).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING, NodeStatus.DEAD);
    }
}
