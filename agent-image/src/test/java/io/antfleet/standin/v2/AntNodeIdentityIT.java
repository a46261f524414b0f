package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.6 and §4.3: on first start the node writes {@code node_identity.key}, pretty JSON
 * {@code {"secret_key":[4032 ints],"public_key":[1952 ints]}}; the peer id is the lower-case hex of
 * BLAKE3(public_key) (computed here with commons-codec, independently of the stand-in); a restart keeps the
 * identity; an unreadable key stops the node with exit 1 (AN: src/node.rs:298-315).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeIdentityIT extends V2ContractTestBase {
    private static final Pattern RESOLVED = Pattern.compile("Node identity resolved peer_id=([0-9a-f]{64}) root_dir=(\\S+)");

    private String runOnce(V2Container c, String dir) {
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, "--root-dir", dir, "--rewards-address", ADDRESS,
                "--enable-logging");
        awaitStdout(node, "Node running");
        assertThat(terminate(c, dir, node).exit()).isZero();
        Matcher m = RESOLVED.matcher(node.out());
        assertThat(m.find()).as(node.out()).isTrue();
        assertThat(m.group(2)).isEqualTo(dir);
        return m.group(1);
    }

    static byte[] bytes(JsonNode array) {
        byte[] b = new byte[array.size()];
        for (int i = 0; i < b.length; i++) {
            int v = array.get(i).intValue();
            assertThat(v).isBetween(0, 255);
            b[i] = (byte) v;
        }
        return b;
    }

    static String peerId(String keyFileJson) throws Exception {
        return Hex.encodeHexString(Blake3.hash(bytes(new ObjectMapper().readTree(keyFileJson).get("public_key"))));
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void firstStartWritesThePrettyKeyFileWhosePublicKeyHashIsThePeerId(V2Image image) throws Exception {
        V2Container c = on(image);
        String dir = freshDir("identity");

        String logged = runOnce(c, dir);
        String json = c.readText(dir + "/node_identity.key");
        JsonNode key = new ObjectMapper().readTree(json);

        assertThat(key.get("secret_key").size()).isEqualTo(4032);
        assertThat(key.get("public_key").size()).isEqualTo(1952);
        assertThat(json).startsWith("{\n  \"secret_key\": [\n    ").contains("\n  ],\n  \"public_key\": [\n    ")
                .endsWith("\n  ]\n}");
        assertThat(peerId(json)).isEqualTo(logged);
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aRestartKeepsTheIdentity(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("restart");

        String first = runOnce(c, dir);
        byte[] key = c.readFile(dir + "/node_identity.key");
        String second = runOnce(c, dir);

        assertThat(second).isEqualTo(first);
        assertThat(c.readFile(dir + "/node_identity.key")).isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void anUnreadableKeyStopsTheNode(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("bad-key");
        c.run("mkdir", "-p", dir);
        c.writeFile(dir + "/node_identity.key", "{\"secret_key\":[1,2],\"public_key\":[3]}");

        V2Container.Exec r = c.run(binary(CURRENT), "--root-dir", dir, "--rewards-address", ADDRESS);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: \n   0: ").contains("node startup failed: Failed to load node identity");
        assertThat(c.exists(dir + "/chunks.mdb")).isFalse();
    }
}
