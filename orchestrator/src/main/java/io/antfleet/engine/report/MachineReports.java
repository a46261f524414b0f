package io.antfleet.engine.report;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.HostSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The values of wnm's {@code machine-config} and {@code machine-metrics} reports, pure. */
public final class MachineReports {
    /** wnm quotes these settings in env and config output: paths and argument lists. */
    static final Set<String> QUOTED_SETTINGS = Set.of("node_storage", "environment", "start_args", "antnode_path", "dbpath");

    private MachineReports() {
    }

    public static String config(Map<String, String> settings, ReportFormat format) {
        return KeyValueReport.render(new TreeMap<>(settings), format, QUOTED_SETTINGS);
    }

    public static String metrics(HostSample host, List<Node> nodes, ReportFormat format) {
        return KeyValueReport.render(metricValues(host, nodes), format, Set.of());
    }

    /** wnm's metric names: node counts by status, versions, load averages and used percentages. */
    static Map<String, Object> metricValues(HostSample host, List<Node> nodes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_nodes", nodes.size());
        m.put("running_nodes", count(nodes, NodeStatus.RUNNING));
        m.put("stopped_nodes", count(nodes, NodeStatus.STOPPED));
        m.put("restarting_nodes", count(nodes, NodeStatus.RESTARTING));
        m.put("upgrading_nodes", count(nodes, NodeStatus.UPGRADING));
        m.put("removing_nodes", count(nodes, NodeStatus.REMOVING));
        m.put("disabled_nodes", count(nodes, NodeStatus.DISABLED));
        m.put("dead_nodes", count(nodes, NodeStatus.DEAD));
        Map<String, Long> versions = new TreeMap<>();
        nodes.forEach(n -> versions.merge(n.version() == null ? "unknown" : n.version(), 1L, Long::sum));
        m.put("nodes_by_version", versions);
        m.put("load_average_1", round(host.load1()));
        m.put("load_average_5", round(host.load5()));
        m.put("load_average_15", round(host.load15()));
        m.put("used_cpu_percent", round(host.cpuPercent()));
        m.put("used_mem_percent", round(host.memPercent()));
        m.put("used_hd_percent", round(host.diskPercent()));
        m.put("disk_read_bytes_per_sec", round(host.diskReadBytesPerSec()));
        m.put("disk_write_bytes_per_sec", round(host.diskWriteBytesPerSec()));
        m.put("net_rx_bytes_per_sec", round(host.netRxBytesPerSec()));
        m.put("net_tx_bytes_per_sec", round(host.netTxBytesPerSec()));
        return m;
    }

    private static long count(List<Node> nodes, NodeStatus status) {
        return nodes.stream().filter(n -> n.status() == status).count();
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
