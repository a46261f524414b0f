package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.FakeFleet;
import io.antfleet.engine.status.StatusService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
    private static final String SPEC = ApplyCommandTest.QUICKSTART.replace("    nodes: 3", "    nodes: 2\n  - name: beta\n    nodes: 1");
    private final FakeFleet fleet = new FakeFleet();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeAntctl alpha;

    @BeforeEach
    void applyTwoContainers() {
        alpha = fleet.antctl("home-alpha");
        fleet.antctl("home-beta");
        fleet.service().apply(new SpecLoader().parse("f.yaml", SPEC), false);
    }

    private int run(String... args) {
        StatusService service = fleet.statusService();
        Function<GlobalOptions, List<Module>> modules = options -> List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(StatusService.class).toInstance(service);
            }
        });
        return Main.run(modules, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void theTableListsEveryContainersNodes() {
        assertThat(run("status")).isEqualTo(ExitCodes.OK);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("CONTAINER").contains("SERVICE", "STATUS", "PEER ID", "PEERS", "RECORDS", "UPTIME", "VERSION");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("home-alpha").contains("antnode1", "RUNNING");
        assertThat(lines.get(3)).startsWith("home-beta").contains("antnode1");
    }

    @Test
    void theJsonHasTheIssuesShapeAndCanBeNarrowedToOneContainer() throws Exception {
        assertThat(run("--output", "json", "status", "--container", "alpha")).isEqualTo(ExitCodes.OK);

        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("containers")).hasSize(1);
        JsonNode alpha = json.get("containers").get(0);
        assertThat(alpha.get("name").asText()).isEqualTo("home-alpha");
        assertThat(alpha.get("containerId").asText()).isNotBlank();
        JsonNode node = alpha.get("nodes").get(1);
        assertThat(node.get("service").asText()).isEqualTo("antnode2");
        assertThat(node.get("number").asInt()).isEqualTo(2);
        assertThat(node.get("status").asText()).isEqualTo("RUNNING");
        assertThat(node.get("nodePort").asInt()).isEqualTo(55001);
        assertThat(node.get("metricsPort").asInt()).isEqualTo(13001);
        assertThat(node.get("rpcPort").isInt()).isTrue();
        assertThat(node.has("peerId") && node.has("version") && node.has("wallet") && node.has("dataDir") && node.has("logDir")).isTrue();
    }

    @Test
    void anUnknownContainerIsAnError() {
        assertThat(run("status", "--container", "nope")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no antfleet container named 'nope'");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outputIsAcceptedBeforeOrAfterTheSubcommandAndAsDashO() throws Exception {
        for (String[] args : List.of(new String[] {"--output", "json", "status"}, new String[] {"status", "--output", "json"},
                new String[] {"-o", "json", "status"}, new String[] {"status", "-o", "json"})) {
            out.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.OK);
            assertThat(new ObjectMapper().readTree(stdout()).get("containers")).as(String.join(" ", args)).hasSize(2);
        }
    }

    @Test
    void withNothingToShowStatusSaysWhatToDoNext() {
        FakeFleet empty = new FakeFleet();
        StatusService service = empty.statusService();
        int code = Main.run(options -> List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(StatusService.class).toInstance(service);
            }
        }), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), "status");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).doesNotContain("CONTAINER").contains("antfleet apply examples/quickstart.yaml")
                .contains("antfleet import --container NAME");
    }

    @Test
    void anImportedUnlabelledContainerIsShownAndFoundByName() {
        fleet.docker.withContainer("c0ffee00c0ffee00c0ffee00", "ci-agent", java.util.Map.of());
        io.antfleet.antctl.FakeAntctl antctl = fleet.antctl("ci-agent");
        antctl.run(List.of("add", "--count", "1", "evm-arbitrum-one"), java.time.Duration.ofSeconds(5));
        fleet.store.containers.insert(new io.antfleet.fleet.Container(null, "c0ffee00c0ffee00c0ffee00", "ci-agent",
                "antfleet/agent:stand-in", "running", "host", io.antfleet.fleet.ProcessManager.ANTCTL_SUDO, null, null, null));

        assertThat(run("status")).isEqualTo(ExitCodes.OK);
        assertThat(stdout().lines()).anyMatch(l -> l.startsWith("ci-agent") && l.contains("antnode1"));
        out.reset();
        assertThat(run("status", "--container", "ci-agent")).isEqualTo(ExitCodes.OK);
        assertThat(stdout().lines().skip(1)).isNotEmpty().allMatch(l -> l.startsWith("ci-agent"));
    }

    @Test
    void aContainerNameInTwoFleetsIsRefusedWithBothListedAndFleetChoosesOne() {
        fleet.antctl("work-alpha");
        fleet.service().apply(new SpecLoader().parse("w.yaml", ApplyCommandTest.QUICKSTART.replace("fleet: home", "fleet: work")
                .replace("    nodes: 3", "    nodes: 1")), false);

        assertThat(run("status", "--container", "alpha")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("matches 2 containers").contains("home-alpha (fleet home")
                .contains("work-alpha (fleet work").contains("--fleet");
        assertThat(stdout()).isEmpty();

        assertThat(run("status", "--container", "alpha", "--fleet", "work")).isEqualTo(ExitCodes.OK);
        assertThat(stdout().lines().skip(1)).singleElement().satisfies(l -> assertThat(l).startsWith("work-alpha"));
    }

    @Test
    void theJsonCarriesEachNodesLatestReading() throws Exception {
        io.antfleet.fleet.Container alpha = fleet.store.containers.findByName("home-alpha").orElseThrow();
        io.antfleet.fleet.Node first = fleet.store.nodes.findByContainer(alpha.id()).get(0);
        io.antfleet.fleet.NodeReadings read = new io.antfleet.fleet.NodeReadings(null, null, 3600L, 42L, null, null, 7L, null,
                "0.000000000000000123", null, null, null, null, null, null, null, null, null);
        fleet.store.nodes.recordReadings(java.util.Map.of(first.id(), read), java.time.Instant.parse("2026-12-06T10:00:00Z"));

        assertThat(run("status", "-o", "json", "--container", "home-alpha")).isEqualTo(ExitCodes.OK);

        JsonNode nodes = new ObjectMapper().readTree(stdout()).get("containers").get(0).get("nodes");
        JsonNode node = nodes.get(0);
        assertThat(node.get("readAt").asText()).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(node.get("uptimeSeconds").asLong()).isEqualTo(3600);
        assertThat(node.get("connectedPeers").asLong()).isEqualTo(7);
        assertThat(node.get("records").asLong()).isEqualTo(42);
        assertThat(node.get("rewards").asText()).isEqualTo("0.000000000000000123");
        assertThat(nodes.get(1).has("readAt")).isTrue();
        assertThat(nodes.get(1).get("readAt").isNull()).isTrue();
    }

    @Test
    void aNodeThatUpgradedItselfIsMarkedInTheTableAsSeenNowThenAsRecordedOnceApplyWroteIt() {
        alpha.registry().get(1).version = "0.4.18";

        assertThat(run("status")).isEqualTo(ExitCodes.OK);
        String seen = out.toString(StandardCharsets.UTF_8);
        fleet.service().apply(new SpecLoader().parse("f.yaml", SPEC), false);
        out.reset();
        assertThat(run("status")).isEqualTo(ExitCodes.OK);
        String recorded = out.toString(StandardCharsets.UTF_8);

        assertThat(seen.lines().filter(l -> l.contains("antnode2") && l.startsWith("home-alpha"))).singleElement()
                .asString().endsWith("0.4.18*");
        assertThat(seen).contains("* home-alpha/antnode2 upgraded itself from 0.4.17 to 0.4.18 (seen now): not antfleet's "
                + "doing, kept (antfleet never downgrades)");
        assertThat(recorded).contains("* home-alpha/antnode2 upgraded itself from 0.4.17 to 0.4.18 (recorded 2026-11-27T00:00:00Z)");
        assertThat(recorded.lines().filter(l -> l.startsWith("* "))).hasSize(1);
    }

    @Test
    void theJsonNamesASelfUpgradeOnItsNodeAndNullElsewhere() throws Exception {
        alpha.registry().get(0).version = "0.4.18";

        assertThat(run("--output", "json", "status", "--container", "alpha")).isEqualTo(ExitCodes.OK);

        JsonNode nodes = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("containers").get(0).get("nodes");
        assertThat(nodes.get(0).get("version").asText()).isEqualTo("0.4.18");
        assertThat(nodes.get(0).get("selfUpgrade").get("from").asText()).isEqualTo("0.4.17");
        assertThat(nodes.get(0).get("selfUpgrade").get("to").asText()).isEqualTo("0.4.18");
        assertThat(nodes.get(0).get("selfUpgrade").get("recordedAt").isNull()).isTrue();
        assertThat(nodes.get(1).get("selfUpgrade").isNull()).isTrue();
    }
}
