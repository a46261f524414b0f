package io.antfleet.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.digest.Blake3;
import org.junit.jupiter.api.Test;

class ProbeParserTest {
    private final ProbeParser parser = new ProbeParser();

    @Test
    void aRealProbeAnswerGivesEachNodesReadings() throws IOException {
        ProbeDocument document = parser.parse(golden("two-nodes-one-running.json"));

        assertThat(document.refused()).isEmpty();
        assertThat(document.time()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        ProbedNode running = document.node("node1").orElseThrow();
        assertThat(running.alive()).isTrue();
        assertThat(running.pid()).isPositive();
        assertThat(running.failure()).isNull();
        assertThat(running.readings().records()).isEqualTo(12L);
        assertThat(running.readings().version()).isEqualTo("0.14.2");
        assertThat(running.readings().peerId()).hasSize(64);
        assertThat(running.readings().memoryMb()).isEqualTo(1280 / 1024.0);
        assertThat(running.diskBytes()).isPositive();
        ProbedNode stopped = document.node("node2").orElseThrow();
        assertThat(stopped.alive()).isFalse();
        assertThat(stopped.pid()).isNull();
        assertThat(stopped.failure()).contains("no live ant-node process");
        assertThat(stopped.readings().peerId()).isNull();
        assertThat(stopped.problems()).anyMatch(p -> p.startsWith("peerId: cannot read"));
        assertThat(document.byService()).containsOnlyKeys("node1", "node2");
    }

    @Test
    void theProbesPeerIdIsBlake3OfThePublicKeyByAnIndependentImplementation() throws IOException {
        JsonNode key = new ObjectMapper().readTree(golden("node-1-identity.key"));
        byte[] publicKey = new byte[key.get("public_key").size()];
        for (int i = 0; i < publicKey.length; i++) {
            publicKey[i] = (byte) key.get("public_key").get(i).intValue();
        }
        String expected = HexFormat.of().formatHex(Blake3.hash(publicKey));

        ProbeDocument document = parser.parse(golden("two-nodes-one-running.json"));

        assertThat(publicKey).hasSize(1952);
        assertThat(document.node("node1").orElseThrow().readings().peerId()).isEqualTo(expected);
    }

    @Test
    void theHostsFiguresAreRead() throws IOException {
        ProbeHost host = parser.parse(golden("two-nodes-one-running.json")).host();

        assertThat(host.cpus()).isPositive();
        assertThat(host.load1()).isNotNull();
        assertThat(host.memTotalKb()).isGreaterThan(host.memAvailableKb());
        assertThat(host.memoryPercent()).isBetween(0.0, 100.0);
        assertThat(host.diskTotalBytes()).isGreaterThanOrEqualTo(host.diskFreeBytes());
        ProbeHost later = new ProbeHost(2, 1.0, 1.0, 1.0, 100L, 50L, host.cpuBusyTicks() + 30, host.cpuIdleTicks() + 70,
                1L, 1L);
        assertThat(later.cpuPercentSince(host)).isEqualTo(30.0);
    }

    @Test
    void oneBadNodeIsRefusedWithItsReasonAndTheOthersAreKept() {
        String answer = document(
                node("node1", true, "4242", "\"" + "a".repeat(64) + "\"", "\"0.14.2\"", "5"),
                node("node2", true, "4243", "\"NOT-HEX\"", "\"0.14.2\"", "5"),
                node("node3", false, "77", "null", "null", "null"),
                node("node4", true, "4244", "null", "\"0.14.2; rm -rf /\"", "5"),
                node("node5", true, "4245", "null", "\"0.14.2\"", "-3"),
                node("node6", true, "4246", "null", "\"0.14.2\"", "1.5"),
                node("node1", true, "4247", "null", "null", "1"),
                node("../../etc", true, "4248", "null", "null", "1"),
                "17");

        ProbeDocument document = parser.parse(answer);

        assertThat(document.nodes()).extracting(ProbedNode::service).containsExactly("node1");
        assertThat(document.refused()).extracting(RefusedNode::label)
                .containsExactly("node2", "node3", "node4", "node5", "node6", "node1", "nodes[7]", "nodes[8]");
        assertThat(document.refused()).extracting(RefusedNode::reason).containsExactly(
                "peerId 'NOT-HEX' does not match [0-9a-f]{64}",
                "a pid 77 but not alive",
                "version '0.14.2; rm -rf /' does not match [0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}(-[0-9A-Za-z.]{1,32})?",
                "records -3 is not a whole number in 0..9007199254740992",
                "records 1.5 is not a whole number in 0..9007199254740992",
                "service listed twice",
                "service '../../etc' does not match node[1-9][0-9]{0,5}",
                "not a JSON object");
    }

    @Test
    void anAnswerThatIsNoProbeDocumentIsRefusedWhole() {
        assertThatThrownBy(() -> parser.parse("")).isInstanceOf(ProbeFormatException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("Error: boom")).isInstanceOf(ProbeFormatException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.parse("{\"probe\":2,\"nodes\":[]}")).hasMessage("probe format 2 is not 1");
        assertThatThrownBy(() -> parser.parse("{\"probe\":1}")).hasMessage("probe answer has no nodes array");
        assertThatThrownBy(() -> parser.parse(" ".repeat(ProbeParser.MAX_CHARS + 1))).hasMessageContaining("over");
        String many = "{\"probe\":1,\"nodes\":[" + "{},".repeat(ProbeParser.MAX_NODES) + "{}]}";
        assertThatThrownBy(() -> parser.parse(many)).hasMessageContaining("over " + ProbeParser.MAX_NODES);
    }

    @Test
    void badHostFiguresAreUnknownNotFatal() {
        ProbeDocument document = parser.parse("{\"probe\":1,\"time\":\"x\",\"host\":{\"cpus\":-1,\"load1\":\"high\","
                + "\"memTotalKb\":-5},\"disk\":{\"totalBytes\":1e400},\"nodes\":[]}");

        assertThat(document.host().cpus()).isZero();
        assertThat(document.host().load1()).isNull();
        assertThat(document.host().memTotalKb()).isNull();
        assertThat(document.host().diskTotalBytes()).isNull();
        assertThat(document.time()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void cpuIsTheAverageOverTheProcesssLife() {
        assertThat(ProbeParser.cpuPercent(30_000L, 60L)).isEqualTo(50.0);
        assertThat(ProbeParser.cpuPercent(30_000L, 0L)).isNull();
        assertThat(ProbeParser.cpuPercent(null, 60L)).isNull();
    }

    private static String node(String service, boolean alive, String pid, String peerId, String version, String records) {
        return "{\"service\":\"" + service + "\",\"dataDir\":\"/home/ant/.local/share/ant/nodes/x\",\"alive\":" + alive
                + ",\"pid\":" + pid + ",\"uptimeSeconds\":10,\"cpuMillis\":100,\"rssKb\":2048,\"diskBytes\":4096,"
                + "\"records\":" + records + ",\"peerId\":" + peerId + ",\"version\":" + version + ",\"problems\":[]}";
    }

    private static String document(String... nodes) {
        return "{\"probe\":1,\"time\":1796564907,\"host\":{\"cpus\":2},\"disk\":{},\"nodes\":[" + String.join(",", nodes) + "]}";
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ProbeParserTest.class.getResourceAsStream("/probe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void legacyNodesTheProbeWasAskedForCarryTheirKeptLinesOrWhyNotAndABadEntryIsRefusedAlone() {
        ProbeDocument document = parser.parse("{\"probe\":1,\"time\":1,\"host\":{},\"disk\":{},\"nodes\":[],\"antnodes\":["
                + "{\"service\":\"antnode1\",\"metricsPort\":13001,\"metrics\":\"ant_node_uptime 5\\n# EOF\\n\","
                + "\"metadata\":\"# EOF\\n\",\"failure\":null},"
                + "{\"service\":\"antnode2\",\"metricsPort\":13002,\"metrics\":null,\"metadata\":null,"
                + "\"failure\":\"GET /metrics: connection refused\"},"
                + "{\"service\":\"antnode3\",\"metricsPort\":13003,\"metrics\":\"x\",\"metadata\":null,\"failure\":null},"
                + "{\"service\":\"Bad Name\",\"metricsPort\":1}]}");

        assertThat(document.antnode("antnode1").orElseThrow().metrics()).isEqualTo("ant_node_uptime 5\n# EOF\n");
        assertThat(document.antnode("antnode2").orElseThrow().answered()).isFalse();
        assertThat(document.antnode("antnode2").orElseThrow().failure()).contains("connection refused");
        assertThat(document.antnode("antnode3")).isEmpty();
        assertThat(document.refused()).extracting(RefusedNode::label).containsExactly("antnode3", "antnodes[3]");
        assertThat(parser.parse("{\"probe\":1,\"nodes\":[]}").antnodes()).as("not asked for").isEmpty();
    }

    @Test
    void theRequestBecomesTheProbesArgumentsAndRefusesWhatItCannotPassSafely() {
        ProbeRequest request = new ProbeRequest(List.of(new ProbeRequest.AntnodePort("antnode1", 13001),
                new ProbeRequest.AntnodePort("antnode2", 13002)), List.of("ant_node_uptime", "ant_x_total"), Optional.of("/var/antctl"));

        assertThat(request.arguments()).containsExactly("--disk-path", "/var/antctl", "--antnodes", "antnode1:13001,antnode2:13002",
                "--keep", "ant_node_uptime,ant_x_total");
        assertThat(ProbeRequest.NONE.arguments()).isEmpty();
        assertThatThrownBy(() -> new ProbeRequest.AntnodePort("antnode1,x:1", 13001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeRequest(List.of(), List.of("a b"), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeRequest(List.of(), List.of(), Optional.of("/var/../etc"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeRequest(List.of(new ProbeRequest.AntnodePort("antnode1", 1)), List.of(), Optional.empty()))
                .hasMessageContaining("metric names");
    }
}
