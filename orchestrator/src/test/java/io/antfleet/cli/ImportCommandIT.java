package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.StandInContainers;
import io.antfleet.fleet.NodeStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": {@code antfleet import} run against a container populated by hand reports the
 * same services, numbers, ports and statuses that {@code antctl status --json} shows inside it; run
 * twice, it records nothing twice. Through {@link Main} with the real modules. Ports 38000-39999.
 */
class ImportCommandIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static StandInContainers fixture;

    @TempDir
    Path home;

    @BeforeAll
    static void fixture() {
        fixture = new StandInContainers();
    }

    @AfterAll
    static void cleanUp() {
        fixture.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run antfleet(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void byHand(ContainerInfo c, String... args) {
        ExecResult r = fixture.antctl(c.id(), true, args);
        assertThat(r.exitCode()).as("antctl %s: %s %s", List.of(args), r.stdout(), r.stderr()).isZero();
    }

    private static List<List<Object>> rows(JsonNode nodes, boolean fromAntctl) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (fromAntctl) {
                String rpc = n.get("rpc_socket_addr").asText();
                rows.add(List.of(n.get("service_name").asText(), n.get("number").asInt(),
                        NodeStatus.fromAntctl(n.get("status").asText()).name(), n.get("node_port").asInt(),
                        n.get("metrics_port").asInt(), Integer.parseInt(rpc.substring(rpc.lastIndexOf(':') + 1))));
            } else {
                rows.add(List.of(n.get("service").asText(), n.get("number").asInt(), n.get("status").asText(),
                        n.get("nodePort").asInt(), n.get("metricsPort").asInt(), n.get("rpcPort").asInt()));
            }
        }
        return rows;
    }

    @Test
    void importReportsWhatAntctlStatusShowsInsideAContainerPopulatedByHand() throws Exception {
        ContainerInfo c = fixture.start("cli-import", Map.of());
        byHand(c, "add", "--count", "3", "--node-port", "38001-38003", "--metrics-port", "39001-39003", "--rpc-port", "39501-39503",
                "--rewards-address", WALLET, "evm-arbitrum-one");
        byHand(c, "start", "--service-name", "antnode1", "--service-name", "antnode3");
        byHand(c, "remove", "--service-name", "antnode2");
        String db = "jdbc:h2:file:" + home.resolve("antfleet").toAbsolutePath();

        Run first = antfleet("--db", db, "--output", "json", "import", "--container", c.name());
        Run second = antfleet("--db", db, "--output", "json", "import", "--container", c.name());
        Run table = antfleet("--db", db, "import", "--container", c.name());

        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode inside = new ObjectMapper().readTree(fixture.antctl(c.id(), true, "status", "--json").stdout());
        JsonNode imported = new ObjectMapper().readTree(first.out()).get("containers").get(0);
        assertThat(rows(imported.get("nodes"), false)).isEqualTo(rows(inside.get("nodes"), true))
                .extracting(r -> r.get(2)).containsExactly("RUNNING", "DEAD", "RUNNING");
        assertThat(imported.get("processManager").asText()).isEqualTo("antctl+sudo");
        JsonNode again = new ObjectMapper().readTree(second.out()).get("containers").get(0);
        assertThat(again.get("containerId")).isEqualTo(imported.get("containerId"));
        assertThat(table.out()).contains(c.name() + " (antctl+sudo, 3 node(s))").contains("antnode3");
    }
}
