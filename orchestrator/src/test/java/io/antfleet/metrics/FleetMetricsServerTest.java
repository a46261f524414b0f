package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetMetricsServerTest {
    private final FleetMetrics metrics = new FleetMetrics();
    private final OpenMetricsParser parser = new OpenMetricsParser();

    @Test
    void theExporterServesNodesCyclesActionsAndAntctlCallsAsOpenMetrics() throws Exception {
        metrics.nodes(Map.of("c1", Map.of(NodeStatus.RUNNING, 3, NodeStatus.STOPPED, 1), "c\"2", Map.of(NodeStatus.RUNNING, 2)));
        metrics.cycle(Duration.ofMillis(250));
        metrics.cycle(Duration.ofMillis(750));
        metrics.decisions(List.of(Decision.add("c1", 3, "room"),
                Decision.onServices(Action.STOP, "c1", List.of(ServiceName.of("antnode1"), ServiceName.of("antnode2")), "cpu"),
                Decision.survey("band")));
        metrics.antctlCall("status", Duration.ofMillis(50), false);
        metrics.antctlCall("status", Duration.ofMillis(150), true);

        String body;
        try (FleetMetricsServer server = new FleetMetricsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/openmetrics-text"));
            body = response.body();
        }

        ParsedMetrics parsed = parser.parse(body, MetricQuery.builder()
                .value("antfleet_nodes").value("antfleet_cycle_duration_seconds_count").value("antfleet_cycle_duration_seconds_sum")
                .value("antfleet_actions_total").value("antfleet_antctl_call_errors_total")
                .value("antfleet_antctl_call_duration_seconds_count").value("antfleet_last_cycle_duration_seconds").build());
        assertThat(parsed.value(0)).hasValue(6);
        assertThat(parsed.value(1)).hasValue(2);
        assertThat(parsed.value(2)).hasValue(1.0);
        assertThat(parsed.value(3)).hasValue(6);
        assertThat(parsed.value(4)).hasValue(1);
        assertThat(parsed.value(5)).hasValue(2);
        assertThat(parsed.value(6)).hasValue(0.75);
        assertThat(body).contains("antfleet_nodes{container=\"c\\\"2\",status=\"RUNNING\"} 2")
                .contains("antfleet_actions_total{action=\"ADD\"} 3")
                .contains("antfleet_actions_total{action=\"STOP\"} 2");
    }

    @Test
    void aClientThatSendsHalfARequestIsCutOffAndOthersAreStillAnswered() throws Exception {
        try (FleetMetricsServer server = new FleetMetricsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                metrics, Duration.ofMillis(300));
                Socket first = new Socket(); Socket second = new Socket(); Socket third = new Socket()) {
            List<Socket> stalled = List.of(first, second, third);
            for (Socket s : stalled) {
                s.connect(server.address(), 2000);
                s.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).endsWith("# EOF\n");
            for (Socket s : stalled) {
                s.setSoTimeout(10_000);
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 408");
            }
        }
    }

    @Test
    void anythingButMetricsIsNotFound() throws Exception {
        try (FleetMetricsServer server = new FleetMetricsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.address().getPort() + "/other")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aListenAddressOtherHostsCanReachEarnsAWarning() {
        assertThat(FleetMetricsServer.exposureWarning(new InetSocketAddress("127.0.0.1", 9464))).isNull();
        assertThat(FleetMetricsServer.exposureWarning(new InetSocketAddress("::1", 9464))).isNull();
        assertThat(FleetMetricsServer.exposureWarning(new InetSocketAddress("0.0.0.0", 9464)))
                .contains("not a loopback address").contains("0.0.0.0:9464");
    }

    @Test
    void beforeTheFirstCycleTheLastDurationIsNaN() {
        assertThat(metrics.render()).contains("antfleet_last_cycle_duration_seconds NaN").endsWith("# EOF\n");
    }
}
