package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
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
    private final FakeFleet fleet = new FakeFleet();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void applyTwoContainers() {
        fleet.antctl("home-alpha");
        fleet.antctl("home-beta");
        fleet.service().apply(new SpecLoader().parse("f.yaml", ApplyCommandTest.QUICKSTART.replace("    nodes: 3",
                "    nodes: 2\n  - name: beta\n    nodes: 1")), false);
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
}
