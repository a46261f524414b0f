package io.antfleet.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.engine.status.FleetStatus;
import io.antfleet.engine.status.NodeJson;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code antfleet status} as a table or as JSON {@code {"containers":[{"name","containerId","nodes":[...]}]}}. */
public final class StatusRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HEADER = {"CONTAINER", "SERVICE", "STATUS", "PEER ID", "PEERS", "RECORDS", "UPTIME", "VERSION"};

    private StatusRenderer() {
    }

    /** What a new user needs when there is nothing to show: how to get a fleet. */
    static final String NOTHING = String.join("\n",
            "No antfleet containers and none recorded in the database. Next:",
            "  antfleet apply examples/quickstart.yaml        # a fleet from a spec (see examples/)",
            "  antfleet import --container NAME               # nodes antctl already runs in a container",
            "  antfleet --db URL status                       # the fleet recorded in another database", "");

    public static String table(FleetStatus status) {
        if (status.containers().isEmpty()) {
            return NOTHING;
        }
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

    /** The node's latest sweep, as the store has it; all null when it was never read. */
    private static void putReading(ObjectNode j, Node n, Instant readAt) {
        NodeReadings r = n.readings() == null ? NodeReadings.empty() : n.readings();
        j.put("readAt", readAt == null ? null : readAt.toString());
        j.put("uptimeSeconds", r.uptimeSeconds());
        j.put("connectedPeers", r.connectedPeers());
        j.put("records", r.records());
        j.put("rewards", r.rewards());
    }

    public static String json(FleetStatus status) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode containers = root.putArray("containers");
        for (FleetStatus.ContainerStatus c : status.containers()) {
            ObjectNode o = containers.addObject();
            o.put("name", c.name());
            o.put("containerId", c.containerId());
            o.put("fleet", c.fleet());
            o.put("running", c.running());
            c.problem().ifPresent(p -> o.put("problem", p));
            ArrayNode nodes = o.putArray("nodes");
            for (Node n : c.nodes()) {
                ObjectNode j = nodes.addObject();
                NodeJson.putRow(j, n);
                putReading(j, n, c.readAt().get(n.id()));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status always serializes", e);
        }
    }
}
