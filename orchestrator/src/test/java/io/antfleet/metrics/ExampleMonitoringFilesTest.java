package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * examples/grafana/antfleet.json and examples/prometheus/antfleet-alerts.yml load, and every metric they use
 * is one antfleet exports: the names are taken from what {@link FleetMetrics#render()} prints with every
 * series set, not from a list kept by hand.
 */
class ExampleMonitoringFilesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Pattern METRIC = Pattern.compile("\\bantfleet_[a-z0-9_]+\\b");

    @Test
    void theGrafanaDashboardLoadsAndEveryMetricItQueriesIsExported() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(EXAMPLES.resolve("grafana/antfleet.json").toFile());
        assertThat(dashboard.get("title").asText()).isEqualTo("antfleet");
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            panel.get("targets").forEach(t -> queries.add(t.get("expr").asText()));
        }
        dashboard.get("templating").get("list").forEach(v -> queries.add(v.get("query").get("query").asText()));

        Set<String> used = metricsIn(queries);
        assertThat(used).contains("antfleet_node_records", "antfleet_node_connected_peers", "antfleet_node_rewards",
                "antfleet_node_status", "antfleet_container_up", "antfleet_host_usage");
        assertThat(exported()).containsAll(used);
    }

    @Test
    void theAlertRulesLoadCoverEachEventAndUseOnlyExportedMetrics() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLES.resolve("prometheus/antfleet-alerts.yml").toFile());
        List<String> exprs = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                alerts.add(rule.get("alert").asText());
                exprs.add(rule.get("expr").asText());
                assertThat(rule.get("labels").get("severity").asText()).isIn("warning", "critical");
                assertThat(rule.get("annotations").get("summary").asText()).isNotBlank();
            }
        }
        assertThat(alerts).containsExactlyInAnyOrder("AntfleetNodeDown", "AntfleetNodeCrashLooping", "AntfleetContainerDown",
                "AntfleetHostPressure", "AntfleetUpgradeRollFailed", "AntfleetCycleFailing", "AntfleetLeaseLost");
        assertThat(exported()).containsAll(metricsIn(exprs));
    }

    @Test
    void aMetricAntfleetDoesNotExportIsCaught() {
        assertThat(exported()).doesNotContain("antfleet_node_temperature").contains("antfleet_node_up");
        assertThat(metricsIn(List.of("rate(antfleet_node_temperature[5m])"))).containsExactly("antfleet_node_temperature");
    }

    private static Set<String> metricsIn(List<String> queries) {
        Set<String> names = new TreeSet<>();
        for (String q : queries) {
            Matcher m = METRIC.matcher(q);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** Every sample name FleetMetrics prints once each of its series has a value. */
    static Set<String> exported() {
        FleetMetrics metrics = new FleetMetrics("host-a");
        metrics.nodes(Map.of("c1", Map.of(NodeStatus.RUNNING, 2)));
        metrics.cycle(Duration.ofMillis(300));
        metrics.decisions(List.of(Decision.add("c1", 1, "room"),
                Decision.onServices(Action.STOP, "c1", List.of(ServiceName.of("antnode1")), "cpu")));
        metrics.antctlCall("status", Duration.ofMillis(40), true);
        FleetSeries s = metrics.series();
        s.nodes(List.of(new FleetSeries.NodeSample("c1", "antnode1", "RUNNING", 10L, 5L, "1.5")));
        s.containers(Map.of("c1", true));
        s.host(List.of(new FleetSeries.Resource("cpu", 40, 50, 70)));
        s.upgradeHalted(false);
        s.leaseHeld(true);
        s.cycleFailed();
        s.restarted("c1", "antnode1");
        Set<String> names = new TreeSet<>();
        for (String line : metrics.render().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
