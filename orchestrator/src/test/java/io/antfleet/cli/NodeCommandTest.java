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

    private List<String> lastCall(String verb) {
        List<List<String>> calls = alpha.calls().stream().filter(c -> c.get(0).equals(verb)).collect(Collectors.toList());
        return calls.get(calls.size() - 1);
    }

    private static String after(List<String> call, String flag) {
        return call.get(call.indexOf(flag) + 1);
    }

    @Test
    void addTakesTheNextFreePortsAndTheYoungestNodesWalletAndStartsTheNodes() {
        List<String> firstAdd = lastCall("add");
        int firstPort = Integer.parseInt(after(firstAdd, "--node-port").split("-")[0]);

        assertThat(run("node", "add", "--container", "alpha", "--count", "2")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("add: antnode4, antnode5\n");
        List<String> add = lastCall("add");
        assertThat(after(add, "--count")).isEqualTo("2");
        assertThat(after(add, "--node-port")).isEqualTo((firstPort + 3) + "-" + (firstPort + 4));
        assertThat(after(add, "--rewards-address")).isEqualToIgnoringCase("0x03B770D9cD32077cC0bF330c13C114a87643B124");
        assertThat(add).contains("evm-arbitrum-one");
        assertThat(antctlStatuses()).containsOnly("Running");
        assertThat(rows()).hasSize(5).containsOnly(NodeStatus.RUNNING);
        assertThat(fleet.store.journal.recent(1)).extracting(o -> o.intent() + " " + o.state())
                .containsExactly("node-add DONE");
    }

    @Test
    void addWithAnExplicitWalletNetworkAndVersionPassesThemToAntctl() {
        assertThat(run("node", "add", "--container", "alpha", "--rewards-address", "0x1111111111111111111111111111111111111111",
                "--network", "evm-arbitrum-sepolia-test", "--version", "0.4.18", "--no-upnp")).isEqualTo(ExitCodes.OK);

        List<String> add = lastCall("add");
        assertThat(after(add, "--rewards-address")).isEqualTo("0x1111111111111111111111111111111111111111");
        assertThat(after(add, "--version")).isEqualTo("0.4.18");
        assertThat(add).contains("--no-upnp", "evm-arbitrum-sepolia-test");
    }

    @Test
    void addRejectsAnUnknownNetworkOrABadWalletAsUsage() {
        assertThat(run("node", "add", "--container", "alpha", "--network", "evm-moon")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("node", "add", "--container", "alpha", "--rewards-address", "nope")).isEqualTo(ExitCodes.USAGE);
        assertThat(alpha.registry()).hasSize(3);
    }

    @Test
    void addRejectsABadVersionOrARelativePathAsUsageBeforeAnyAntctlCall() {
        int callsBefore = alpha.calls().size();

        assertThat(run("node", "add", "--container", "alpha", "--version", "0.4;reboot")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("node", "add", "--container", "alpha", "--path", "relative/antnode")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--version", "--path");
        assertThat(alpha.calls()).hasSize(callsBefore);
        assertThat(alpha.registry()).hasSize(3);
    }

    @Test
    void upgradeByCountTakesTheOldestRunningNodesAndRecordsTheNewVersion() {
        run("node", "stop", "--container", "alpha", "--service", "antnode1");
        out.reset();

        assertThat(run("node", "upgrade", "--container", "alpha", "--count", "1", "--version", "0.4.19")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("upgrade: antnode2\n");
        assertThat(after(lastCall("upgrade"), "--version")).isEqualTo("0.4.19");
        long id = fleet.store.containers.findByName("home-alpha").orElseThrow().id();
        assertThat(fleet.store.nodes.findByContainer(id)).extracting(n -> n.service().value() + " " + n.version())
                .containsExactly("antnode1 0.4.17", "antnode2 0.4.19", "antnode3 0.4.17");
    }

    @Test
    void upgradeByServiceTakesThoseNodesAndAPathInsteadOfAVersion() {
        alpha.binaryVersion("0.5.0");
        assertThat(run("node", "upgrade", "--container", "alpha", "--service", "antnode3", "--service", "antnode1",
                "--path", "/opt/antnode")).isEqualTo(ExitCodes.OK);

        List<String> upgrade = lastCall("upgrade");
        assertThat(after(upgrade, "--path")).isEqualTo("/opt/antnode");
        assertThat(upgrade).doesNotContain("--version");
        assertThat(alpha.registry()).extracting(e -> e.version).containsExactly("0.5.0", "0.4.17", "0.5.0");
    }

    @Test
    void versionIsRejectedForOtherVerbsAndABadUpgradeTargetIsAUsageError() {
        assertThat(run("node", "stop", "--container", "alpha", "--version", "0.4.18")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("node", "upgrade", "--container", "alpha", "--version", "0.4.18", "--path", "/opt/antnode"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("node", "upgrade", "--container", "alpha", "--path", "relative/antnode")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--version and --path are for add and upgrade only", "not both");
        assertThat(alpha.calls()).noneMatch(c -> c.get(0).equals("upgrade"));
    }

    @Test
    void addToAContainerWithoutNodesNeedsARewardsAddress() {
        fleet.teardownService().teardown(java.util.Optional.of("home"), java.util.Optional.of("home-alpha"), false);

        assertThat(run("node", "add", "--container", "alpha")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no node to take a wallet from: give --rewards-address");
        assertThat(alpha.registry()).isEmpty();

        assertThat(run("node", "add", "--container", "alpha", "--rewards-address", "0x1111111111111111111111111111111111111111"))
                .isEqualTo(ExitCodes.OK);
        assertThat(alpha.registry()).hasSize(1);
    }
}
