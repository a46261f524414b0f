package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.cli.CliRun;
import io.antfleet.fleet.spec.TlsPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fleet spread over the local engine and two {@link NetnsEngine}s (far, near: each a dockerd in its own network
 * namespace, reached with mutual TLS over its own veth pair), driven through the CLI with the embedded database:
 * apply, re-apply with no changes, scale, status JSON with each container's host, {@code --host}, teardown; a client
 * certificate far does not trust; near's engine stopped while the others converge. One container with 1-3 stand-in
 * nodes per host. Local ports 47200-47209 (node), 47300 (metrics), 47400 (rpc); near uses the same numbers in its
 * namespace, far its own plan from 31000.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class MultiHostIT {
    private static final String IMAGE = "antfleet/agent:stand-in";
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NetnsEngine far;
    private static NetnsEngine near;

    @TempDir
    Path dir;

    private final String fleet = "mh-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startEngines() {
        List<NetnsEngine> engines = NetnsEngine.startLoaded(2, IMAGE);
        far = engines.get(0);
        near = engines.get(1);
    }

    @AfterAll
    static void removeEngines() {
        NetnsEngine.closeAll(far, near);
    }

    /** The local engine's containers of this test's fleet (the netns engines remove theirs when closed). */
    @AfterEach
    void removeLocalContainers() {
        try (DockerJavaGateway local = new DockerJavaGateway(DockerSettings.defaults())) {
            local.listByLabels(Map.of("antfleet.fleet", fleet)).forEach(c -> local.remove(c.id(), true));
        }
    }

    @Test
    void aFleetSpreadOverThreeEnginesConvergesReappliesScalesNarrowsAndTearsDown() throws Exception {
        CliRun applied = antfleet("apply", spec(2, 2, 2, far.trustedClient()).toString());
        assertThat(applied.code()).as(applied.toString()).isZero();
        assertThat(applied.err()).contains("far/beta").contains("near/gamma");
        assertThat(far.cli("ps", "--filter", "label=antfleet.fleet=" + fleet, "--format", "{{.Names}}").out().strip())
                .isEqualTo(fleet + "-beta");
        assertThat(near.cli("ps", "--filter", "label=antfleet.fleet=" + fleet, "--format", "{{.Names}}").out().strip())
                .isEqualTo(fleet + "-gamma");

        Map<String, JsonNode> byName = status();
        assertThat(byName.get(fleet + "-alpha").get("host").asText()).isEqualTo("local");
        assertThat(byName.get(fleet + "-beta").get("host").asText()).isEqualTo("far");
        assertThat(byName.get(fleet + "-gamma").get("host").asText()).isEqualTo("near");
        assertThat(running(byName.get(fleet + "-beta"))).isEqualTo(2);
        // per-host port blocks: far from its own plan; near reuses the local numbers in its own namespace
        assertThat(ports(byName.get(fleet + "-beta"))).containsExactly(31000, 31001);
        assertThat(ports(byName.get(fleet + "-gamma"))).isEqualTo(ports(byName.get(fleet + "-alpha"))).containsExactly(47200, 47201);

        CliRun again = antfleet("apply", spec(2, 2, 2, far.trustedClient()).toString());
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No changes.");

        CliRun scaled = antfleet("apply", spec(2, 3, 1, far.trustedClient()).toString());
        assertThat(scaled.code()).as(scaled.toString()).isZero();
        assertThat(scaled.out()).contains("far/beta: add").contains("near/gamma").doesNotContain("+ alpha");
        byName = status();
        assertThat(running(byName.get(fleet + "-beta"))).isEqualTo(3);
        assertThat(running(byName.get(fleet + "-gamma"))).isEqualTo(1);

        CliRun onlyFar = antfleet("--output", "json", "status", "--host", "far", "--fleet", fleet);
        assertThat(onlyFar.code()).as(onlyFar.toString()).isZero();
        assertThat(JSON.readTree(onlyFar.out()).get("containers")).extracting(c -> c.get("host").asText()).containsOnly("far");
        CliRun typo = antfleet("status", "--host", "fra");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean 'far'?");
        CliRun nearOnly = antfleet("apply", spec(1, 1, 2, far.trustedClient()).toString(), "--host", "near");
        assertThat(nearOnly.code()).as(nearOnly.toString()).isZero();
        assertThat(nearOnly.out()).contains("near/gamma").doesNotContain("beta").doesNotContain("alpha");

        CliRun down = antfleet("teardown", "--confirm", "--remove-containers", "--fleet", fleet);
        assertThat(down.code()).as(down.toString()).isZero();
        assertThat(down.out()).contains(fleet + "-alpha: reset").contains("far/" + fleet + "-beta: reset")
                .contains("near/" + fleet + "-gamma: reset");
        assertThat(far.cli("ps", "-a", "-q", "--filter", "label=antfleet.fleet=" + fleet).out()).isBlank();
        assertThat(near.cli("ps", "-a", "-q", "--filter", "label=antfleet.fleet=" + fleet).out()).isBlank();
    }

    @Test
    void aClientCertificateTheEngineDoesNotTrustIsAClearErrorNamingTheHostWhileTheOthersConverge() throws Exception {
        CliRun applied = antfleet("apply", spec(1, 1, 1, far.untrustedClient()).toString());

        assertThat(applied.code()).as(applied.toString()).isEqualTo(1);
        assertThat(applied.out()).contains("far: FAILED: host far (Docker at " + far.endpoint() + ")")
                .contains("refused the client certificate");
        Map<String, JsonNode> byName = status(1);
        assertThat(running(byName.get(fleet + "-alpha"))).isEqualTo(1);
        assertThat(running(byName.get(fleet + "-gamma"))).isEqualTo(1);
        assertThat(far.cli("ps", "-a", "-q", "--filter", "label=antfleet.fleet=" + fleet).out()).isBlank();
        assertThat(antfleet("teardown", "--confirm", "--remove-containers", "--fleet", fleet, "--host", "near").code()).isZero();
    }

    @Test
    void anEngineThatIsDownIsReportedForItsHostWhileTheOthersConvergeAndTheNextApplyCatchesUp() throws Exception {
        Path spec = spec(1, 1, 1, far.trustedClient());
        near.stop();
        try {
            CliRun applied = antfleet("apply", spec.toString());
            assertThat(applied.code()).as(applied.toString()).isEqualTo(1);
            assertThat(applied.out()).contains("near: FAILED: host near (Docker at " + near.endpoint() + ")")
                    .contains("Apply complete on the hosts that answered");

            CliRun status = antfleet("--output", "json", "status", "--fleet", fleet);
            assertThat(status.code()).as(status.toString()).isEqualTo(1);
            JsonNode json = JSON.readTree(status.out());
            assertThat(json.get("unreachable")).extracting(u -> u.get("host").asText()).containsExactly("near");
            assertThat(json.get("containers")).extracting(c -> c.get("host").asText()).containsExactlyInAnyOrder("local", "far");
        } finally {
            near.startAgain();
        }
        CliRun caughtUp = antfleet("apply", spec.toString());
        assertThat(caughtUp.code()).as(caughtUp.toString()).isZero();
        assertThat(caughtUp.out()).contains("near/gamma").doesNotContain("far/beta: add");
        assertThat(running(status().get(fleet + "-gamma"))).isEqualTo(1);
        assertThat(antfleet("teardown", "--confirm", "--remove-containers", "--fleet", fleet).code()).isZero();
    }

    /** status --output json of this fleet, by Docker name (exit 0: every engine answered). */
    private Map<String, JsonNode> status() throws IOException {
        return status(0);
    }

    /** As {@link #status()}, with the exit code expected (1: an engine did not answer). */
    private Map<String, JsonNode> status(int exit) throws IOException {
        CliRun status = antfleet("--output", "json", "status", "--fleet", fleet);
        assertThat(status.code()).as(status.toString()).isEqualTo(exit);
        Map<String, JsonNode> byName = new HashMap<>();
        JSON.readTree(status.out()).get("containers").forEach(c -> byName.put(c.get("name").asText(), c));
        return byName;
    }

    private static long running(JsonNode container) {
        List<String> states = new ArrayList<>();
        container.get("nodes").forEach(n -> states.add(n.get("status").asText()));
        return states.stream().filter("RUNNING"::equals).count();
    }

    private static List<Integer> ports(JsonNode container) {
        List<Integer> ports = new ArrayList<>();
        container.get("nodes").forEach(n -> ports.add(n.get("nodePort").asInt()));
        return ports;
    }

    private Path spec(int alpha, int beta, int gamma, TlsPaths farTls) throws IOException {
        TlsPaths nearTls = near.trustedClient();
        return Files.writeString(dir.resolve("fleet-" + alpha + beta + gamma + ".yaml"), String.join("\n",
                "apiVersion: antfleet/v1", "fleet: " + fleet, "image: " + IMAGE, "processManager: antctl+sudo",
                "rewardsAddress: '" + WALLET + "'", "noUpnp: true", "ports: {node: 47200, metrics: 47300, rpc: 47400, blockSize: 10}",
                "hosts:",
                "  - name: far", "    docker: " + far.endpoint(), "    tls: " + tls(farTls),
                "    ports: {node: 31000, metrics: 30500, rpc: 30200, blockSize: 10}",
                "  - name: near", "    docker: " + near.endpoint(), "    tls: " + tls(nearTls),
                "containers:", "  - {name: alpha, nodes: " + alpha + "}", "  - {name: beta, host: far, nodes: " + beta + "}",
                "  - {name: gamma, host: near, nodes: " + gamma + "}", ""));
    }

    private static String tls(TlsPaths tls) {
        return "{caCert: " + tls.caCert() + ", cert: " + tls.cert() + ", key: " + tls.key() + "}";
    }

    private CliRun antfleet(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", "jdbc:h2:file:" + dir.resolve("db").resolve("antfleet")));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }
}
