package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeValues;
import java.util.OptionalDouble;

/**
 * Maps an antnode's parsed {@code /metrics} and {@code /metadata} (antctl-contract.md §6) to
 * {@link NodeReadings}. A body counts as valid only when it carries the series a live node always
 * exposes: {@code ant_node_uptime} in {@code /metrics}, the version info in {@code /metadata}.
 */
public final class NodeReadingsMapper {
    private static final int UPTIME = 0;
    private static final int RECORDS = 1;
    private static final int RELEVANT_RECORDS = 2;
    private static final int MAX_RECORDS = 3;
    private static final int CONNECTED_PEERS = 4;
    private static final int PUTS = 5;
    private static final int REWARDS = 6;
    private static final int PAYMENTS = 7;
    private static final int SHUNNED = 8;
    private static final int BAD_PEERS = 9;
    private static final int MEMORY_MB = 10;
    private static final int CPU_PERCENT = 11;
    private static final int OPEN_CONNECTIONS = 12;
    private static final int ROUTING_PEERS = 13;
    private static final int LIVE_TIME = 14;
    private static final int NETWORK_SIZE = 15;

    private static final int PEER_ID = 0;
    private static final int VERSION = 1;

    /** The series read from {@code /metrics}, in the index order above. */
    public static final MetricQuery METRICS = MetricQuery.builder()
            .value("ant_node_uptime")
            .value("ant_networking_records_stored")
            .value("ant_networking_relevant_records")
            .value("ant_networking_max_records")
            .value("ant_networking_connected_peers")
            .value("ant_node_put_record_ok_total")
            .value("ant_node_current_reward_wallet_balance")
            .value("ant_networking_received_payment_count")
            .value("ant_networking_shunned_count_total")
            .value("ant_networking_bad_peers_count_total")
            .value("ant_networking_process_memory_used_mb")
            .value("ant_networking_process_cpu_usage_percentage")
            .value("ant_networking_open_connections")
            .value("ant_networking_peers_in_routing_table")
            .value("ant_networking_live_time")
            .value("ant_networking_estimated_network_size")
            .build();

    /** The series read from {@code /metadata}. */
    public static final MetricQuery METADATA = MetricQuery.builder()
            .label("ant_networking_peer_id_info", "peer_id")
            .label("ant_node_antnode_version_info", "antnode_version")
            .build();

    /**
     * @throws MetricsFormatException when a body lacks the series every live node exposes
     */
    public NodeReadings map(ParsedMetrics metrics, ParsedMetrics metadata) {
        if (metadata.query() != METADATA) {
            throw new IllegalArgumentException("bodies must be parsed with NodeReadingsMapper.METRICS and METADATA");
        }
        checkMetrics(metrics);
        if (metadata.label(VERSION) == null) {
            throw new MetricsFormatException("/metadata lacks ant_node_antnode_version_info{antnode_version}");
        }
        return map(metrics, metadata.label(PEER_ID), metadata.label(VERSION));
    }

    /**
     * The readings from {@code /metrics} with a peer id and version read from {@code /metadata} before
     * (a node's metadata changes only when it restarts).
     *
     * @throws MetricsFormatException when the body lacks the series every live node exposes
     */
    public NodeReadings map(ParsedMetrics metrics, String peerId, String version) {
        checkMetrics(metrics);
        String problem = NodeValues.versionProblem(requireNonNull(version, "version is null"));
        if (problem == null) {
            problem = NodeValues.peerIdProblem(peerId);
        }
        if (problem != null) {
            throw new MetricsFormatException("/metadata: " + problem);
        }
        return new NodeReadings(
                peerId, requireNonNull(version, "version is null"),
                whole(metrics, UPTIME), whole(metrics, RECORDS), whole(metrics, RELEVANT_RECORDS),
                whole(metrics, MAX_RECORDS), whole(metrics, CONNECTED_PEERS), whole(metrics, PUTS),
                metrics.exactDecimal(REWARDS), whole(metrics, PAYMENTS), whole(metrics, SHUNNED),
                whole(metrics, BAD_PEERS), real(metrics, MEMORY_MB), real(metrics, CPU_PERCENT),
                whole(metrics, OPEN_CONNECTIONS), whole(metrics, ROUTING_PEERS), whole(metrics, LIVE_TIME),
                whole(metrics, NETWORK_SIZE));
    }

    /** {@code ant_node_uptime} in seconds; NaN when the body lacks it. */
    public double uptimeSeconds(ParsedMetrics metrics) {
        if (metrics.query() != METRICS) {
            throw new IllegalArgumentException("the body must be parsed with NodeReadingsMapper.METRICS");
        }
        return metrics.value(UPTIME).orElse(Double.NaN);
    }

    private static void checkMetrics(ParsedMetrics metrics) {
        if (metrics.query() != METRICS) {
            throw new IllegalArgumentException("bodies must be parsed with NodeReadingsMapper.METRICS and METADATA");
        }
        if (!metrics.has(UPTIME)) {
            throw new MetricsFormatException("/metrics lacks ant_node_uptime");
        }
    }

    private static Long whole(ParsedMetrics metrics, int index) {
        OptionalDouble v = metrics.value(index);
        if (v.isEmpty() || Double.isNaN(v.getAsDouble()) || Double.isInfinite(v.getAsDouble())) {
            return null;
        }
        return Math.round(v.getAsDouble());
    }

    private static Double real(ParsedMetrics metrics, int index) {
        OptionalDouble v = metrics.value(index);
        return v.isEmpty() || Double.isNaN(v.getAsDouble()) ? null : v.getAsDouble();
    }
}
