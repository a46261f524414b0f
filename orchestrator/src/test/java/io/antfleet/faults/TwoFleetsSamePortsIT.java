package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.cli.CliRun;
import io.antfleet.cli.ExitCodes;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerJavaGateway;
import io.antfleet.docker.DockerSettings;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.PortBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two fleets with the same port plan on one host (issue 15): the second fleet's container gets a block of its
 * own, so both fleets' nodes bind and run; and a container whose Docker name the other fleet holds (fleet
 * {@code P} + container {@code b-c} against fleet {@code P-b} + container {@code c}) is refused with exit 2,
 * nothing created. Real containers, the embedded database. Fleets {@code twoports-*}; node ports 53700-53719,
 * metrics 53800-53819, rpc 53900-53919 (blocks of 10).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TwoFleetsSamePortsIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";

    @TempDir
    Path dir;

    private CliRun antfleet(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", "jdbc:h2:file:" + dir.resolve("db").resolve("antfleet")));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }

    private Path spec(String fleet, String... containers) throws Exception {
        List<String> lines = new ArrayList<>(List.of("apiVersion: antfleet/v1", "fleet: " + fleet, "image: antfleet/agent:stand-in",
                "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'", "noUpnp: true",
                "ports: {node: 53700, metrics: 53800, rpc: 53900, blockSize: 10}", "containers:"));
        for (String c : containers) {
            lines.add("  - {name: " + c + ", nodes: 2}");
        }
        return Files.writeString(dir.resolve(fleet + "-" + containers.length + ".yaml"), String.join("\n", lines) + "\n");
    }

    @Test
    void twoFleetsWithTheSamePortsGetBlocksOfTheirOwnAndANameTheOtherFleetHoldsIsRefused() throws Exception {
        String first = "twoports-" + UUID.randomUUID().toString().substring(0, 6);
        String second = first + "-b";
        try (DockerJavaGateway docker = new DockerJavaGateway(DockerSettings.defaults())) {
            try {
                CliRun a = antfleet("apply", spec(first, "x").toString());
                CliRun b = antfleet("apply", spec(second, "c").toString());
                assertThat(a.code()).as(a.out() + a.err()).isZero();
                assertThat(b.code()).as(b.out() + b.err()).isZero();

                PortBlock blockA = block(docker, first);
                PortBlock blockB = block(docker, second);
                assertThat(blockA.overlaps(blockB)).as("%s and %s", blockA, blockB).isFalse();
                assertThat(blockA.node().first()).isEqualTo(53700);
                assertThat(blockB.node().first()).isEqualTo(53710);
                Map<String, List<String>> running = new HashMap<>();
                for (String fleet : List.of(first, second)) {
                    CliRun status = antfleet("-o", "json", "status", "--fleet", fleet);
                    assertThat(status.code()).as(status.err()).isZero();
                    running.putAll(running(status.out()));
                }
                assertThat(running).containsEntry(first + "-x", List.of("RUNNING", "RUNNING"))
                        .containsEntry(second + "-c", List.of("RUNNING", "RUNNING"));

                CliRun clash = antfleet("apply", spec(first, "x", "b-c").toString());
                assertThat(clash.code()).as(clash.out() + clash.err()).isEqualTo(ExitCodes.USAGE);
                assertThat(clash.err()).contains("container 'b-c' of fleet '" + first + "' would be named '" + second + "-c'")
                        .contains("container 'c' of fleet '" + second + "'");
                assertThat(docker.listByLabels(Map.of(FleetLabels.FLEET, first))).extracting(ContainerInfo::name)
                        .containsExactly(first + "-x");
            } finally {
                antfleet("teardown", "--fleet", first, "--remove-containers", "--confirm");
                antfleet("teardown", "--fleet", second, "--remove-containers", "--confirm");
                for (String fleet : List.of(first, second)) {
                    docker.listByLabels(Map.of(FleetLabels.FLEET, fleet)).forEach(c -> docker.remove(c.id(), true));
                }
            }
        }
    }

    private static PortBlock block(DockerJavaGateway docker, String fleet) {
        List<ContainerInfo> listed = docker.listByLabels(Map.of(FleetLabels.FLEET, fleet));
        assertThat(listed).hasSize(1);
        return FleetLabels.decode(listed.get(0).labels().get(FleetLabels.PORT_BLOCK)).orElseThrow();
    }

    private static Map<String, List<String>> running(String json) throws Exception {
        Map<String, List<String>> byContainer = new HashMap<>();
        for (JsonNode c : new ObjectMapper().readTree(json).get("containers")) {
            List<String> statuses = new ArrayList<>();
            c.get("nodes").forEach(n -> statuses.add(n.get("status").asText()));
            byContainer.put(c.get("name").asText(), statuses);
        }
        return byContainer;
    }
}
