package io.antfleet.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.engine.status.FleetStatus;
import io.antfleet.fleet.Node;
import java.util.ArrayList;
import java.util.List;

/** {@code antfleet status} as a table or as JSON {@code {"containers":[{"name","containerId","nodes":[...]}]}}. */
public final class StatusRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HEADER = {"CONTAINER", "SERVICE", "STATUS", "PEER ID", "PEERS", "RECORDS", "UPTIME", "VERSION"};

    private StatusRenderer() {
    }

    public static String table(FleetStatus status) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (FleetStatus.ContainerStatus c : status.containers()) {
            if (c.nodes().isEmpty()) {
                rows.add(new String[] {c.name(), "-", c.running() ? "no nodes" : "container stopped", "", "", "", "", ""});
            }
            for (Node n : c.nodes()) {
                rows.add(new String[] {c.name(), n.service().value(), n.status().name(), text(n.peerId()),
                    text(n.readings().connectedPeers()), text(n.readings().records()), uptime(n.readings().uptimeSeconds()),
                    text(n.version())});
            }
        }
        StringBuilder out = new StringBuilder(format(rows));
        for (FleetStatus.ContainerStatus c : status.containers()) {
            c.problem().ifPresent(p -> out.append("! ").append(c.name()).append(": ").append(p).append('\n'));
        }
        return out.toString();
    }

    private static String format(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    static String uptime(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        long m = seconds % 3600 / 60;
        return d > 0 ? d + "d" + h + "h" : h > 0 ? h + "h" + m + "m" : m + "m" + seconds % 60 + "s";
    }

    public static String json(FleetStatus status) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode containers = root.putArray("containers");
        for (FleetStatus.ContainerStatus c : status.containers()) {
            ObjectNode o = containers.addObject();
            o.put("name", c.name());
            o.put("containerId", c.containerId());
            ArrayNode nodes = o.putArray("nodes");
            for (Node n : c.nodes()) {
                ObjectNode j = nodes.addObject();
                j.put("service", n.service().value());
                j.put("number", n.number());
                j.put("status", n.status().name());
                j.put("nodePort", n.nodePort());
                j.put("metricsPort", n.metricsPort());
                j.put("rpcPort", n.rpcPort());
                j.put("peerId", n.peerId());
                j.put("version", n.version());
                j.put("wallet", n.wallet());
                j.put("dataDir", n.dataDir());
                j.put("logDir", n.logDir());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status always serializes", e);
        }
    }
}
