package io.antfleet.engine.report;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * wnm's node reports, pure: {@code node-status} (a table or JSON of service, peer id, status and connected
 * peers), {@code node-status-details} (every field) and {@code influx-resources} (InfluxDB line protocol).
 * A container column is added because antfleet's services repeat per container. As in wnm, JSON is one
 * object for one node and an array for several.
 */
public final class NodeReports {
    static final String NO_NODES = "No nodes found.";

    private NodeReports() {
    }

    public static String nodeStatus(List<ReportRow> rows, ReportFormat format) {
        textOrJson("node-status", format);
        if (rows.isEmpty()) {
            return empty(format);
        }
        if (format == ReportFormat.JSON) {
            return json(rows, NodeReports::statusFields);
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-20s%-20s%-55s%-15s%15s", "Container", "Service Name", "Peer ID", "Status", "Connected Peers"));
        for (ReportRow r : rows) {
            Node n = r.node();
            lines.add(String.format("%-20s%-20s%-55s%-15s%15d", r.container(), n.service().value(), peerId(n),
                    n.status().name(), peers(n)));
        }
        return String.join("\n", lines);
    }

    public static String nodeStatusDetails(List<ReportRow> rows, ReportFormat format, Instant now) {
        textOrJson("node-status-details", format);
        if (rows.isEmpty()) {
            return empty(format);
        }
        if (format == ReportFormat.JSON) {
            return json(rows, r -> detailFields(r, now));
        }
        return rows.stream().map(r -> detailText(r, now)).collect(Collectors.joining("\n\n"));
    }

    private static String detailText(ReportRow r, Instant now) {
        Node n = r.node();
        return String.join("\n",
                "Container: " + r.container(),
                "Service Name: " + n.service().value(),
                "Version: " + or(n.version(), "unknown"),
                "Port: " + n.nodePort(),
                "Metrics Port: " + n.metricsPort(),
                "Data path: " + or(n.dataDir(), "unknown"),
                "Log path: " + or(n.logDir(), "unknown"),
                "Bin Path: " + or(n.binaryPath(), "unknown"),
                "Connected peers: " + peers(n),
                "Rewards address: " + or(n.wallet(), "unknown"),
                "Age: " + age(n, now),
                "Peer ID: " + peerId(n),
                "Status: " + n.status().name());
    }

    private static Map<String, Object> statusFields(ReportRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("container", r.container());
        m.put("service_name", r.node().service().value());
        m.put("peer_id", peerId(r.node()));
        m.put("status", r.node().status().name());
        m.put("connected_peers", peers(r.node()));
        return m;
    }

    private static Map<String, Object> detailFields(ReportRow r, Instant now) {
        Node n = r.node();
        NodeReadings x = n.readings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("container", r.container());
        m.put("service", n.service().value());
        m.put("status", n.status().name());
        m.put("port", n.nodePort());
        m.put("metrics_port", n.metricsPort());
        m.put("rpc_port", n.rpcPort());
        m.put("data_dir", n.dataDir());
        m.put("log_dir", n.logDir());
        m.put("binary", n.binaryPath());
        m.put("version", n.version());
        m.put("peer_id", n.peerId());
        m.put("wallet", n.wallet());
        m.put("age", age(n, now));
        m.put("created_at", text(n.createdAt()));
        m.put("status_changed_at", text(n.statusChangedAt()));
        m.put("uptime", x.uptimeSeconds());
        m.put("records", x.records());
        m.put("rel_records", x.relevantRecords());
        m.put("max_records", x.maxRecords());
        m.put("connected_peers", x.connectedPeers());
        m.put("puts", x.puts());
        m.put("rewards", x.rewards());
        m.put("payment_count", x.paymentCount());
        m.put("shunned", x.shunned());
        m.put("bad_peers", x.badPeers());
        m.put("mem", x.memoryMb());
        m.put("cpu", x.cpuPercent());
        m.put("open_connections", x.openConnections());
        m.put("total_peers", x.routingTablePeers());
        m.put("live_time", x.liveTime());
        m.put("network_size", x.estimatedNetworkSize());
        return m;
    }

    /**
     * One {@code nodes,id=N ...} line per node, then {@code nodes_totals} and {@code nodes_network}, all
     * stamped {@code now} in nanoseconds. Unlike wnm, a reading that is unknown is left out of the line
     * (wnm writes {@code Nonei}, which InfluxDB rejects).
     */
    public static String influx(List<ReportRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return "# No nodes found";
        }
        long stamp = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        List<String> lines = new ArrayList<>();
        BigDecimal rewards = BigDecimal.ZERO;
        int running = 0;
        int killed = 0;
        long sizeSum = 0;
        int sizeCount = 0;
        for (ReportRow r : rows) {
            Node n = r.node();
            lines.add("nodes,id=" + (n.id() != null ? n.id() : n.number()) + " " + InfluxFields.of(n) + " " + stamp);
            rewards = rewards.add(InfluxFields.decimal(n.readings().rewards()));
            if (n.status() == NodeStatus.RUNNING) {
                running++;
                Long size = n.readings().estimatedNetworkSize();
                if (size != null && size > 0) {
                    sizeSum += size;
                    sizeCount++;
                }
            } else if (n.status() == NodeStatus.STOPPED || n.status() == NodeStatus.DEAD) {
                killed++;
            }
        }
        lines.add("nodes_totals rewards=\"" + rewards.toPlainString() + "\",nodes_running=" + running + "i,nodes_killed="
                + killed + "i " + stamp);
        lines.add("nodes_network size=" + (sizeCount == 0 ? 0 : sizeSum / sizeCount) + "i " + stamp);
        return String.join("\n", lines);
    }

    private static void textOrJson(String report, ReportFormat format) {
        if (format != ReportFormat.TEXT && format != ReportFormat.JSON) {
            throw new IllegalArgumentException(report + " is written as text or json, not " + format.label());
        }
    }

    private static String empty(ReportFormat format) {
        return format == ReportFormat.JSON ? ReportJson.write(Map.of("error", "No nodes found")) : NO_NODES;
    }

    private static String json(List<ReportRow> rows, Function<ReportRow, Map<String, Object>> fields) {
        List<Map<String, Object>> all = rows.stream().map(fields).collect(Collectors.toList());
        return ReportJson.write(all.size() == 1 ? all.get(0) : all);
    }

    private static String peerId(Node n) {
        return n.peerId() != null ? n.peerId() : n.readings().peerId() != null ? n.readings().peerId() : "-";
    }

    private static long peers(Node n) {
        Long p = n.readings().connectedPeers();
        return p == null ? 0 : p;
    }

    private static long age(Node n, Instant now) {
        return n.createdAt() == null ? 0 : Math.max(0, Duration.between(n.createdAt(), now).getSeconds());
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
