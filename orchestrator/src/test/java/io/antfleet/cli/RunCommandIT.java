package io.antfleet.cli;

import io.antfleet.docker.HostCommand;
import io.antfleet.docker.StandInContainers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code antfleet run --once --dry-run} through {@link Main#run} on a running fleet of the stand-in image:
 * it prints its decisions with their reasons and changes nothing. The fleet is {@code run-it-<random>}.
 */
class RunCommandIT {
    private final String fleet = "run-it-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    private final String db = "jdbc:h2:mem:" + fleet.replace('-', '_') + ";DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void removeTheFleet() {
        for (String id : dockerCli("ps", "-aq", "--filter", "label=antfleet.fleet=" + fleet).split("\\s+")) {
            if (!id.isBlank()) {
                dockerCli("rm", "-f", "-v", id);
            }
        }
        for (String volume : dockerCli("volume", "ls", "-q", "--filter", "name=" + fleet).split("\\s+")) {
            if (volume.startsWith(fleet)) {
                dockerCli("volume", "rm", volume);
            }
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                all.toArray(String[]::new));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void runOnceDryRunOnARunningFleetPrintsItsDecisionsWithReasonsAndChangesNothing() throws IOException {
        Path spec = file("fleet.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo",
                "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'", "network: evm-local", "noUpnp: true",
                "antnode: {version: 0.4.16}", "ports: {node: 49000, metrics: 49200, rpc: 49400, blockSize: 10}",
                "containers:", "  - name: a", "    nodes: {min: 2, max: 5}",
                "autoscale: {nodeCap: 5, maxConcurrent: {starts: 2, upgrades: 1, removals: 1, operations: 2}}", ""));
        Path idle = file("idle.json", "{\"cpu\": 5, \"mem\": 10, \"disk\": 20, \"load1\": 0.1, \"load5\": 0.1, \"load15\": 0.1}");
        Path busy = file("busy.json", "{\"cpu\": 95, \"mem\": 10, \"disk\": 20, \"load1\": 0.1, \"load5\": 0.1, \"load15\": 0.1}");
        assertThat(run("apply", spec.toString())).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);

        assertThat(run("run", spec.toString(), "--once", "--dry-run", "--assume-host", idle.toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("2 of 2 nodes answered their metrics (dry run: nothing carried out)",
                "ADD " + fleet + "-a +2: host has room, 2 of node_cap 5");

        assertThat(run("--output", "json", "run", spec.toString(), "--once", "--dry-run", "--assume-host", busy.toString()))
                .isEqualTo(ExitCodes.OK);
        JsonNode decision = new ObjectMapper().readTree(stdout().trim().split("\n")[0]);
        assertThat(decision.get("action").asText()).isEqualTo("SURVEY");
        assertThat(decision.get("reason").asText()).contains("cpu 95.0% > cpu_remove 70%", "each is at its min");

        assertThat(dockerCli("exec", fleet + "-a", "antctl", "status", "--json").split("\"service_name\"", -1))
                .as("still the two nodes apply added").hasSize(3);
    }

    private static String dockerCli(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return HostCommand.run(command, Duration.ofSeconds(30)).out();
    }
}
