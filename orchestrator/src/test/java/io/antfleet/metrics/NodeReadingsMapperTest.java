package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.NodeReadings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodeReadingsMapperTest {
    private final OpenMetricsParser parser = new OpenMetricsParser();
    private final NodeReadingsMapper mapper = new NodeReadingsMapper();

    static String resource(String name) {
        try (InputStream in = NodeReadingsMapperTest.class.getResourceAsStream("/metrics/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NodeReadings map(String metrics, String metadata) {
        return mapper.map(parser.parse(metrics, NodeReadingsMapper.METRICS),
                parser.parse(metadata, NodeReadingsMapper.METADATA));
    }

    @Test
    void aRealAntnodeBodyMapsToEveryReading() {
        NodeReadings r = map(resource("antnode-metrics.txt"), resource("antnode-metadata.txt"));

        assertThat(r).isEqualTo(new NodeReadings(
                "12D3KooWRBhwfeP2Y4TCx1SM6s9rUoHhR5STiGwxBhgFRcw3UERE", "0.4.17",
                86400L, 1832L, 1710L, 16384L, 57L, 1255L, "1500", 12L, 4L, 2L, 112.546875, 3.1415,
                61L, 213L, 86399L, 194874L));
    }

    @Test
    void metricsWithoutUptimeAreNotAValidNodeBody() {
        assertThatThrownBy(() -> map("ant_networking_connected_peers 3\n# EOF\n", resource("antnode-metadata.txt")))
                .isInstanceOf(MetricsFormatException.class).hasMessageContaining("ant_node_uptime");
    }

    @Test
    void metadataWithoutTheVersionInfoIsNotAValidNodeBody() {
        assertThatThrownBy(() -> map(resource("antnode-metrics.txt"), "ant_networking_peer_id_info{peer_id=\"x\"} 1\n# EOF\n"))
                .isInstanceOf(MetricsFormatException.class).hasMessageContaining("antnode_version");
    }

    @Test
    void readingsThatAreAbsentOrNanStayNullRatherThanZero() {
        NodeReadings r = map("ant_node_uptime 5\nant_networking_connected_peers NaN\n# EOF\n",
                "ant_node_antnode_version_info{antnode_version=\"0.4.17\"} 1\n# EOF\n");

        assertThat(r.uptimeSeconds()).isEqualTo(5L);
        assertThat(r.connectedPeers()).isNull();
        assertThat(r.rewards()).isNull();
        assertThat(r.peerId()).isNull();
    }

    @Test
    void bodiesParsedWithAnotherQueryAreRefused() {
        ParsedMetrics other = parser.parse("# EOF\n", MetricQuery.builder().value("x").build());

        assertThatThrownBy(() -> mapper.map(other, other)).isInstanceOf(IllegalArgumentException.class);
    }
}
