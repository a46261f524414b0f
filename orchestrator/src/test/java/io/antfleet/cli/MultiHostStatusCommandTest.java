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
import io.antfleet.engine.teardown.TeardownService;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.LeaseKeeper;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** status, import and teardown over the local engine and another host's (fakes): the host named, --host, an engine down. */
class MultiHostStatusCommandTest {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private final FakeFleet fleet = new FakeFleet();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void applyOneContainerPerHost() {
        fleet.antctl("home-alpha");
        fleet.antctl("far", "home-beta");
        fleet.service().apply(new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "hosts:", "  - {name: far, docker: 'unix:///run/far.sock'}",
                "containers:", "  - {name: alpha, nodes: 1}", "  - {name: beta, host: far, nodes: 2}", "")), false);
    }

    private int run(String... args) {
        StatusService status = fleet.statusService();
        TeardownService teardown = fleet.teardownService();
        ImportService imports = fleet.importService();
        Function<GlobalOptions, List<Module>> modules = options -> List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(StatusService.class).toInstance(status);
                bind(TeardownService.class).toInstance(teardown);
                bind(ImportService.class).toInstance(imports);
            }
        });
        return Main.run(modules, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTableHasAHostColumnAndTheJsonEachContainersHost() throws Exception {
        assertThat(run("status")).isEqualTo(ExitCodes.OK);
        List<String> lines = out().lines().toList();
        assertThat(lines.get(0)).startsWith("HOST").contains("CONTAINER", "SERVICE");
        assertThat(lines).filteredOn(l -> l.startsWith("far ")).hasSize(2).allMatch(l -> l.contains("home-beta"));
        assertThat(lines).filteredOn(l -> l.startsWith("local ")).singleElement().matches(l -> l.contains("home-alpha"));

        out.reset();
        assertThat(run("--output", "json", "status")).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out());
        List<String> hosts = new ArrayList<>();
        json.get("containers").forEach(c -> hosts.add(c.get("name").asText() + "@" + c.get("host").asText()));
        assertThat(hosts).containsExactly("home-alpha@local", "home-beta@far");
        assertThat(json.get("unreachable")).isEmpty();
    }

    @Test
    void hostNarrowsStatusAndAnUnknownHostExitsTwoWithTheClosestName() {
        assertThat(run("status", "--host", "far")).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("home-beta").doesNotContain("home-alpha");

        assertThat(run("status", "--host", "fra")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--host 'fra'").contains("did you mean 'far'?");
    }

    @Test
    void anEngineThatDoesNotAnswerIsReportedForItsHostAndTheOthersAreShownWithExitOne() throws Exception {
        fleet.remote("far").unreachable("connection refused");

        assertThat(run("--output", "json", "status")).isEqualTo(ExitCodes.FAILURE);
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("containers")).extracting(c -> c.get("name").asText()).containsExactly("home-alpha");
        assertThat(json.get("unreachable").get(0).get("host").asText()).isEqualTo("far");
        assertThat(json.get("unreachable").get(0).get("message").asText())
                .startsWith("host far (Docker at unix:///run/far.sock): ").contains("connection refused");
    }

    @Test
    void aSelfUpgradeOnOneHostIsNotShownOnAnotherHostsContainerOfTheSameName() throws Exception {
        // alpha moved to far in the spec (no --prune): home-alpha now runs on both engines
        FakeAntctl farAlpha = fleet.antctl("far", "home-alpha");
        String moved = String.join("\n", "apiVersion: antfleet/v1", "fleet: home", "image: antfleet/agent:stand-in",
                "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'", "hosts:",
                "  - {name: far, docker: 'unix:///run/far.sock'}", "containers:", "  - {name: alpha, host: far, nodes: 1}",
                "  - {name: beta, host: far, nodes: 2}", "");
        fleet.service().apply(new SpecLoader().parse("f.yaml", moved), false);
        farAlpha.registry().get(0).version = "0.4.18";
        fleet.service().apply(new SpecLoader().parse("f.yaml", moved), false); // records far's self-upgrade
        try (LeaseKeeper keeper = LeaseKeeper.acquire(fleet.lease, "test")) { // antfleet's own upgrade of the local one
            fleet.lifecycle().upgrade(fleet.store.containers.findByName("local", "home-alpha").orElseThrow(),
                    new UpgradeNodesRequest(List.of(ServiceName.of("antnode1")), null, "0.4.18"));
        }

        assertThat(run("--output", "json", "status")).isEqualTo(ExitCodes.OK);
        Map<String, JsonNode> byHost = new HashMap<>();
        new ObjectMapper().readTree(out()).get("containers").forEach(c -> {
            if (c.get("name").asText().equals("home-alpha")) {
                byHost.put(c.get("host").asText(), c.get("nodes").get(0));
            }
        });
        assertThat(byHost.get("far").get("version").asText()).isEqualTo("0.4.18");
        assertThat(byHost.get("far").get("selfUpgrade").get("from").asText()).isEqualTo("0.4.17");
        assertThat(byHost.get("far").get("selfUpgrade").get("recordedAt").isNull()).isFalse();
        assertThat(byHost.get("local").get("version").asText()).isEqualTo("0.4.18");
        assertThat(byHost.get("local").get("selfUpgrade").isNull()).isTrue();

        out.reset();
        assertThat(run("status")).isEqualTo(ExitCodes.OK);
        assertThat(out().lines().filter(l -> l.startsWith("* "))).singleElement().asString().contains("far/home-alpha/antnode1");
    }

    @Test
    void importRefusesANameTwoHostsHaveAsStatusDoesAndStillImportsTheOtherNames() throws Exception {
        fleet.docker.withContainer("d0c0000000000001", "dup", Map.of("antfleet.fleet", "other"));
        fleet.antctl("dup");
        fleet.remote("far").withContainer("d0c0000000000002", "dup", Map.of("antfleet.fleet", "other"));
        fleet.antctl("far", "dup");

        String local = "dup (fleet other, id d0c000000000)";
        String far = "dup (host far, fleet other, id d0c000000000)";
        assertThat(run("status", "--container", "dup")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--container 'dup' matches 2 containers: ")
                .contains(local).contains(far);
        String refusal = "--container 'dup' matches 2 containers: " + local + ", " + far + "; ";

        assertThat(run("--output", "json", "import", "--container", "dup", "--container", "home-beta"))
                .isEqualTo(ExitCodes.USAGE);
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("containers").get(0).get("error").asText()).startsWith(refusal)
                .contains("add --host NAME").endsWith("nothing was imported for it");
        assertThat(json.get("containers").get(0).get("containerId").isNull()).isTrue();
        assertThat(json.get("containers").get(1).get("host").asText()).isEqualTo("far");
        assertThat(json.get("containers").get(1).get("error").isNull()).isTrue();
        assertThat(json.get("ambiguous")).extracting(JsonNode::asText).containsExactly("dup");
        assertThat(fleet.store.containers.findAll()).extracting(c -> c.name()).doesNotContain("dup");

        out.reset();
        assertThat(run("import", "--container", "dup", "--host", "far")).isEqualTo(ExitCodes.OK);
        assertThat(fleet.store.containers.findAll()).filteredOn(c -> c.name().equals("dup"))
                .extracting(c -> c.host()).containsExactly("far");
    }

    @Test
    void teardownGoesToEveryHostAndNamesTheRemoteContainersHost() {
        assertThat(run("teardown", "--confirm", "--remove-containers")).isEqualTo(ExitCodes.OK);

        assertThat(out()).contains("home-alpha: reset").contains("far/home-beta: reset, 2 node row(s) deleted, container removed");
        assertThat(fleet.remote("far").listByLabels(java.util.Map.of("antfleet.fleet", "home"))).isEmpty();
        assertThat(fleet.store.containers.findAll()).isEmpty();
    }

    @Test
    void teardownResetsTheHostsThatAnswerAndReportsTheOneThatDoesNotWithExitOne() {
        fleet.remote("far").unreachable("connection refused");

        assertThat(run("teardown", "--confirm")).isEqualTo(ExitCodes.FAILURE);

        assertThat(out()).contains("home-alpha: reset").contains("far: FAILED: host far (Docker at unix:///run/far.sock): ")
                .contains("nothing was done there");
        fleet.remote("far").unreachable(null);
        assertThat(fleet.remote("far").listByLabels(java.util.Map.of("antfleet.fleet", "home"))).hasSize(1);
    }
}
