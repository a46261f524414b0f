package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The node's /metrics body against a real antnode's (docs/contracts/antnode-metrics-capture.txt, captured in
 * Weave Node Manager's repository: metrics.out at iweave/weave-node-manager@b62e0ee): the same families in the
 * same order, the same series, about the same size, only the additions agent-image/README.md lists, and the
 * series antfleet reads live. Compared with the capture's text, not with the stand-in's own template.
 * Ports 26800-26899.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MetricsBodyContractIT extends ContractTestBase {
    private static final String CAPTURE = capture();
    /** What the stand-in adds on purpose (agent-image/README.md): three more record types, an escaped label, a NaN. */
    private static final Set<String> ADDED_SERIES = Set.of(
            "ant_node_put_record_ok_total{record_type=\"GraphEntry\"}",
            "ant_node_put_record_ok_total{record_type=\"Pointer\"}",
            "ant_node_put_record_ok_total{record_type=\"Scratchpad\"}",
            "libp2p_identify_remote_agent_info{agent=\"ant/1.0 \\\"stand-in\\\" node\"}",
            "libp2p_relay_server_status");
    private static final Set<String> ADDED_FAMILIES = Set.of("libp2p_identify_remote_agent", "libp2p_relay_server_status");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);

    @Override
    String containerName() {
        return "metrics-body";
    }

    private static String capture() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("docs/contracts/antnode-metrics-capture.txt");
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("docs/contracts/antnode-metrics-capture.txt not found");
    }

    private String startedNodesMetrics() throws Exception {
        StandinContainer.Exec r = agent.add(ROOT, "--node-port", "26801", "--metrics-port", "26811", "--rpc-port", "26821");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(agent.antctl(ROOT, "start").exit()).isZero();
        return agent.get(26811, "/metrics").body();
    }

    /** Family names in order of their # TYPE lines, with their types. */
    private static List<String> families(String body) {
        List<String> families = new ArrayList<>();
        Matcher m = TYPE.matcher(body);
        while (m.find()) {
            families.add(m.group(1) + " " + m.group(2));
        }
        return families;
    }

    /** Every sample's name and labels (the text before its value). */
    private static Set<String> series(String body) {
        Set<String> series = new LinkedHashSet<>();
        body.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> series.add(l.substring(0, l.lastIndexOf(' '))));
        return series;
    }

    @Test
    void theBodyHasTheRealNodesFamiliesInItsOrderAndItsSeriesWithOnlyTheListedAdditions() throws Exception {
        String body = startedNodesMetrics();

        List<String> families = families(body);
        families.removeIf(f -> ADDED_FAMILIES.contains(f.substring(0, f.indexOf(' '))));
        assertThat(families).containsExactlyElementsOf(families(CAPTURE));
        Set<String> added = series(body);
        added.removeAll(series(CAPTURE));
        assertThat(added).containsExactlyInAnyOrderElementsOf(ADDED_SERIES);
        assertThat(series(body)).containsAll(series(CAPTURE));
        assertThat(body).startsWith(CAPTURE.substring(0, CAPTURE.indexOf('\n') + 1)).endsWith("\n# EOF\n");
    }

    @Test
    void theBodyIsAsLargeAsARealNodes() throws Exception {
        String body = startedNodesMetrics();
        long lines = body.lines().count();
        long captureLines = CAPTURE.lines().count();
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        int captureBytes = CAPTURE.getBytes(StandardCharsets.UTF_8).length;

        assertThat(lines).isBetween(captureLines, captureLines + ADDED_SERIES.size() + 3);
        assertThat((double) bytes).isBetween(captureBytes * 0.97, captureBytes * 1.03);
    }

    @Test
    void theSeriesAntfleetReadsAreLive() throws Exception {
        String first = startedNodesMetrics();
        long uptime = value(first, "ant_node_uptime");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String later = agent.get(26811, "/metrics").body();
            assertThat(value(later, "ant_node_uptime")).isGreaterThan(uptime);
            assertThat(value(later, "ant_networking_live_time")).isGreaterThan(uptime);
            assertThat(value(later, "ant_networking_connected_peers")).isGreaterThan(5);
            assertThat(value(later, "ant_networking_records_stored")).isPositive();
        });
        assertThat(agent.get(26811, "/metrics").body()).containsPattern("\nant_networking_process_memory_used_mb [0-9]+\\.[0-9]+\n")
                .containsPattern("\nant_networking_process_cpu_usage_percentage [0-9.]+\n");
    }

    private static long value(String body, String name) {
        Matcher m = Pattern.compile("\n" + Pattern.quote(name) + " ([0-9]+)\n").matcher(body);
        assertThat(m.find()).as("%s in the body", name).isTrue();
        return Long.parseLong(m.group(1));
    }
}
