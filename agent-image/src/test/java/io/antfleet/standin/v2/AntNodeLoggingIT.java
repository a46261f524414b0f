package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.1 and §5.6: nothing is logged without --enable-logging (the --log-* flags are then
 * ignored); with it, tracing lines go to stdout, or with --log-dir to {@code <dir>/ant-node.YYYY-MM-DD.log};
 * --log-format json gives one JSON object per line; --log-level filters (AN: src/bin/ant-node/main.rs:29-89).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeLoggingIT extends V2ContractTestBase {

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void withoutEnableLoggingNothingIsLoggedAndTheLogDirIsNotMade(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("quiet");
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, "--root-dir", dir, "--rewards-address", ADDRESS,
                "--log-dir", dir + "-logs", "--log-level", "trace");
        await().atMost(Duration.ofSeconds(10)).until(() -> c.pidOf(dir) > 0 && c.exists(dir + "/paid_list.mdb"));

        V2Container.Exec r = terminate(c, dir, node);
        assertThat(r.out()).isEmpty();
        assertThat(c.exists(dir + "-logs")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aLogDirGetsADailyFileWithTheLinesAnOrchestratorReads(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("logdir");
        String logs = dir + "-logs";
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, "--root-dir", dir, "--rewards-address", ADDRESS,
                "--enable-logging", "--log-dir", logs, "--port", String.valueOf(port(image, 200)));
        String file = logs + "/ant-node." + today() + ".log";
        await().atMost(Duration.ofSeconds(10)).until(() -> c.exists(file) && c.readText(file).contains("Node running"));

        String log = c.readText(file);
        assertThat(log).containsPattern("Z  INFO ant_node::node: Node identity resolved peer_id=[0-9a-f]{64} root_dir=" + dir)
                .contains("Node is running on port: " + port(image, 200)).doesNotContain("\u001b[");
        assertThat(terminate(c, dir, node).out()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void jsonFormatAndLevelFilter(V2Image image) throws Exception {
        V2Container c = on(image);
        String dir = freshDir("json");
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, "--root-dir", dir, "--rewards-address", ADDRESS,
                "--enable-logging", "--log-format", "json");
        awaitStdout(node, "Node running");
        String out = terminate(c, dir, node).out();
        String warnOnly = freshDir("warn");
        V2Container.Spawned quiet = startNode(c, Map.of(), CURRENT, "--root-dir", warnOnly, "--rewards-address", ADDRESS,
                "--enable-logging", "--log-level", "warn");
        await().atMost(Duration.ofSeconds(10)).until(() -> c.pidOf(warnOnly) > 0 && c.exists(warnOnly + "/paid_list.mdb"));
        String warnOut = terminate(c, warnOnly, quiet).out();

        for (String line : out.split("\n")) {
            JsonNode event = new ObjectMapper().readTree(line);
            assertThat(event.has("timestamp") && event.has("level") && event.has("message") && event.has("target")).as(line).isTrue();
        }
        assertThat(out).contains("\"message\":\"Node is running on port: ");
        assertThat(warnOut).contains(" WARN ant_node: No bootstrap peers configured").doesNotContain(" INFO ");
    }
}
