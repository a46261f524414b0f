package io.antfleet.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerJavaGateway;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.docker.DockerSettings;
import io.antfleet.docker.ExecResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.codec.digest.Blake3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe in the real v2 stand-in image, over nodes added and started through {@code ant node} (the daemon
 * spawns them, as in production), read through {@link DockerContainerProbe} and {@link ProbeParser}.
 */
class ProbeIT {
    static final String IMAGE = "antfleet/agent:ant-stand-in";
    private static final String ADDRESS = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final String NODES = "/home/ant/.local/share/ant/nodes";
    private static final Duration CALL = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DockerJavaGateway docker;
    private static String container;

    @BeforeAll
    static void startContainerWithTwoRunningNodesAndOneAdded() throws IOException {
        docker = new DockerJavaGateway(DockerSettings.defaults());
        container = docker.createAndStart(new ContainerSpec("antprobe-it-" + UUID.randomUUID().toString().substring(0, 8),
                IMAGE, Map.of("antfleet.test", "antprobe-it"), "host", null, null, null, null));
        ant("node", "daemon", "start", "--json");
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(ant("node", "daemon", "status", "--json"))
                .path("running").asBoolean());
        ant("node", "add", "--json", "--rewards-address", ADDRESS, "--path", "/opt/ant-node/0.14.2/ant-node", "--count", "3");
        ant("node", "start", "--service-name", "node1", "--json");
        ant("node", "start", "--service-name", "node2", "--json");
    }

    @AfterAll
    static void removeContainer() {
        try {
            docker.remove(container, true);
        } catch (DockerOperationException e) {
            // already gone
        } finally {
            docker.close();
        }
    }

    private final DockerContainerProbe probe = new DockerContainerProbe(docker, new ProbeParser(), Duration.ofSeconds(30));

    @Test
    void eachNodesLivenessPidPeerIdAndVersionMatchWhatTheDaemonAndTheKeyFilesSay() throws IOException {
        JsonNode status = JSON.readTree(ant("node", "status", "--json"));

        ProbeDocument document = probe.probe(container);

        assertThat(document.refused()).isEmpty();
        assertThat(document.byService()).containsOnlyKeys("node1", "node2", "node3");
        for (JsonNode entry : status.get("nodes")) {
            ProbedNode node = document.node(entry.get("name").asText()).orElseThrow();
            boolean running = entry.get("status").asText().equals("running");
            assertThat(node.alive()).as(node.service()).isEqualTo(running);
            if (running) {
                assertThat(node.pid()).as(node.service()).isEqualTo(entry.get("pid").asLong());
                assertThat(node.readings().peerId()).as(node.service()).isEqualTo(peerIdOf(node.dataDir()));
                assertThat(node.readings().memoryMb()).isPositive();
                assertThat(node.readings().uptimeSeconds()).isNotNull();
                assertThat(node.readings().records()).isNotNull();
            }
            assertThat(node.readings().version()).isEqualTo("0.14.2");
            assertThat(node.diskBytes()).isPositive();
        }
        ProbedNode never = document.node("node3").orElseThrow();
        assertThat(never.readings().peerId()).as("never started: no key yet").isNull();
        assertThat(never.problems()).anyMatch(p -> p.startsWith("peerId: cannot read"));
    }

    @Test
    void chunksStoredByANodeAreCountedFromItsLmdbStore() {
        long before = probe.probe(container).node("node1").orElseThrow().readings().records();
        write(NODES + "/node-1/standin-chunks", "9 512\n");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.probe(container).node("node1").orElseThrow().readings().records()).isEqualTo(before + 9));
    }

    @Test
    void theHostsFiguresAndTheDataVolumeAreRead() {
        ProbeHost host = probe.probe(container).host();

        assertThat(host.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(host.load1()).isNotNull();
        assertThat(host.memoryPercent()).isBetween(0.0, 100.0);
        assertThat(host.cpuBusyTicks()).isPositive();
        assertThat(host.diskTotalBytes()).isPositive();
    }

    @Test
    void theLegacyStandInImageCarriesTheProbeAndHasNoV2Nodes() {
        String other = docker.createAndStart(new ContainerSpec("antprobe-it-" + UUID.randomUUID().toString().substring(0, 8),
                "antfleet/agent:stand-in", Map.of("antfleet.test", "antprobe-it"), "host", null, null, null, null));
        try {
            ProbeDocument document = probe.probe(other);

            assertThat(document.nodes()).isEmpty();
            assertThat(document.refused()).isEmpty();
        } finally {
            docker.remove(other, true);
        }
    }

    private static String peerIdOf(String dataDir) throws IOException {
        JsonNode key = JSON.readTree(exec(List.of("cat", dataDir + "/node_identity.key")));
        byte[] publicKey = new byte[key.get("public_key").size()];
        for (int i = 0; i < publicKey.length; i++) {
            publicKey[i] = (byte) key.get("public_key").get(i).intValue();
        }
        return HexFormat.of().formatHex(Blake3.hash(publicKey));
    }

    private static String ant(String... args) {
        List<String> command = new ArrayList<>(List.of("ant"));
        command.addAll(List.of(args));
        return exec(command);
    }

    private static String exec(List<String> command) {
        ExecResult r = docker.exec(container, command, null, Map.of("NO_COLOR", "1"), null, CALL);
        assertThat(r.exitCode()).as(command + ": " + r.stderr()).isZero();
        return r.stdout();
    }

    /** stdin's end is not signalled through docker-java's httpclient5 transport: dd reads an exact byte count. */
    private static void write(String path, String content) {
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        ExecResult r = docker.exec(container, List.of("dd", "of=" + path, "bs=1", "count=" + bytes), "ant", Map.of(),
                content, CALL);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }
}
