package io.antfleet.engine.report;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The field set of one {@code nodes} line, in wnm's order and with wnm's names. */
final class InfluxFields {
    private InfluxFields() {
    }

    static String of(Node n) {
        NodeReadings r = n.readings();
        List<String> f = new ArrayList<>();
        f.add("PeerId=" + quoted(n.peerId() != null ? n.peerId() : r.peerId() != null ? r.peerId() : ""));
        f.add("status=" + quoted(n.status().name()));
        f.add("version=" + quoted(n.version() != null ? n.version() : r.version() != null ? r.version() : ""));
        integer(f, "puts", r.puts());
        integer(f, "up_time", r.uptimeSeconds());
        f.add("rewards=" + quoted(r.rewards() != null ? r.rewards() : "0"));
        integer(f, "records", r.records());
        integer(f, "connected_peers", r.connectedPeers());
        integer(f, "network_size", r.estimatedNetworkSize());
        integer(f, "open_connections", r.openConnections());
        integer(f, "total_peers", r.routingTablePeers());
        integer(f, "shunned_count", r.shunned());
        integer(f, "bad_peers", r.badPeers());
        real(f, "mem", r.memoryMb());
        real(f, "cpu", r.cpuPercent());
        integer(f, "rel_records", r.relevantRecords());
        integer(f, "max_records", r.maxRecords());
        integer(f, "payment_count", r.paymentCount());
        integer(f, "live_time", r.liveTime());
        return String.join(",", f);
    }

    /** Rewards are exact decimal text; one that is not a number counts as zero, as in wnm. */
    static BigDecimal decimal(String rewards) {
        if (rewards == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(rewards.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static void integer(List<String> fields, String name, Long value) {
        if (value != null) {
            fields.add(name + "=" + value + "i");
        }
    }

    private static void real(List<String> fields, String name, Double value) {
        if (value != null) {
            fields.add(name + "=" + value);
        }
    }

    /**
     * A line-protocol string field: backslashes and double quotes escaped, and line breaks written as
     * {@code \\n} / {@code \\r}: a raw one would end the line and let a node's text start a line of its own.
     */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                + "\"";
    }
}
