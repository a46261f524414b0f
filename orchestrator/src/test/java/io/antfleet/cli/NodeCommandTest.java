package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.FakeFleet;
import io.antfleet.engine.node.NodeService;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.spec.FleetSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeCommandTest {
    private final FakeFleet fleet = new FakeFleet();
    private final FakeAntctl alpha = fleet.antctl("home-alpha");
    private final FleetSpec spec = new SpecLoader().parse("f.yaml", ApplyCommandTest.QUICKSTART);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void applyThreeNodes() {
        fleet.service().apply(spec, false);
    }

    private int run(String... args) {
        NodeService service = fleet.nodeService();
        Function<GlobalOptions, List<Module>> modules = options -> List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(NodeService.class).toInstance(service);
            }
        });
        return Main.run(modules, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private List<String> antctlStatuses() {
        return alpha.registry().stream().map(e -> e.status).collect(Collectors.toList());
    }

    private List<NodeStatus> rows() {
        long id = fleet.store.containers.findByName("home-alpha").orElseThrow().id();
        return fleet.store.nodes.findByContainer(id).stream().map(Node::status).collect(Collectors.toList());
    }

    @Test
    void stopByCountTakesTheYoungestAndStartByCountTheOldestStopped() {
        assertThat(run("node", "stop", "--container", "alpha", "--count", "2")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("stop: antnode3, antnode2\n");
        assertThat(antctlStatuses()).containsExactly("Running", "Stopped", "Stopped");

        assertThat(run("node", "start", "--container", "home-alpha", "--count", "1")).isEqualTo(ExitCodes.OK);
        assertThat(antctlStatuses()).containsExactly("Running", "Running", "Stopped");
        assertThat(rows()).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING, NodeStatus.STOPPED);
    }

    @Test
    void aDisabledNodeIsStoppedMarkedAndLeftAloneByApply() {
        assertThat(run("node", "disable", "--container", "alpha", "--service", "antnode1")).isEqualTo(ExitCodes.OK);

        assertThat(rows()).containsExactly(NodeStatus.DISABLED, NodeStatus.RUNNING, NodeStatus.RUNNING);
        assertThat(fleet.service().plan(spec, false).actions()).extracting(a -> a.type() + " " + a.services())
                .containsExactly("add-nodes [antnode4]");
    }

    @Test
    void removeTakesTheYoungestAndTheRegistryKeepsThemAsRemoved() {
        assertThat(run("node", "remove", "--container", "alpha", "--count", "1")).isEqualTo(ExitCodes.OK);

        assertThat(antctlStatuses()).containsExactly("Running", "Running", "Removed");
        assertThat(rows()).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING, NodeStatus.DEAD);
    }

    @Test
    void anUnknownActionOrServiceIsReported() {
        assertThat(run("node", "explode", "--container", "alpha")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("node", "stop", "--container", "alpha", "--service", "antnode9")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown node action 'explode'", "has no node antnode9");
        assertThat(antctlStatuses()).containsOnly("Running");
    }
}
