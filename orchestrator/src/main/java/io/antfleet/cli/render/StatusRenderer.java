package io.antfleet.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.engine.VersionChanges;
import io.antfleet.engine.status.FleetStatus;
import io.antfleet.engine.status.NodeJson;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.spec.HostSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code antfleet status} as a table or as JSON {@code {"containers":[{"name","containerId","host","nodes":[...]}],
 * "unreachable":[{"host","message"}]}}. The table has a HOST column once any container or problem is on another host
 * than the local one (a one-engine fleet reads as before).
 */
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
        if (status.containers().isEmpty() && status.unreachable().isEmpty()) {
            return NOTHING;
        }
        boolean hosts = !status.unreachable().isEmpty()
                || status.containers().stream().anyMatch(c -> !HostSpec.LOCAL.equals(c.host()));
        List<String[]> rows = new ArrayList<>();
        rows.add(hosts ? withHost("HOST", HEADER) : HEADER);
        for (FleetStatus.ContainerStatus c : status.containers()) {
            List<String[]> own = new ArrayList<>();
            if (c.nodes().isEmpty()) {
                own.add(new String[] {c.name(), "-", c.running() ? "no nodes" : "container stopped", "", "", "", "", ""});
            }
            for (Node n : c.nodes()) {
                boolean moved = c.selfUpgrades().containsKey(n.service());
                own.add(new String[] {c.name(), n.service().value(), n.status().name(), text(n.peerId()),
                    text(n.readings().connectedPeers()), text(n.readings().records()), uptime(n.readings().uptimeSeconds()),
                    text(n.version()) + (moved ? "*" : "")});
            }
            own.forEach(r -> rows.add(hosts ? withHost(c.host(), r) : r));
        }
        StringBuilder out = new StringBuilder(rows.size() > 1 ? format(rows) : "");
        for (FleetStatus.ContainerStatus c : status.containers()) {
            c.problem().ifPresent(p -> out.append("! ").append(HostNames.qualified(c.name(), c.host())).append(": ")
                    .append(p).append('\n'));
        }
        status.unreachable().forEach(p -> out.append("! ").append(p.message()).append(" (its containers are not shown)\n"));
        for (FleetStatus.ContainerStatus c : status.containers()) {
            c.nodes().stream().filter(n -> c.selfUpgrades().containsKey(n.service())).forEach(n -> out.append(
                    selfUpgrade(HostNames.qualified(c.name(), c.host()), n, c.selfUpgrades().get(n.service()))).append('\n'));
        }
        return out.toString();
    }

    /** The footnote of a version marked {@code *}: who did not set it, and that it stays. */
    private static String selfUpgrade(String container, Node n, VersionChanges.Recorded r) {
        return "* " + container + "/" + n.service().value() + " upgraded itself from " + r.change().from() + " to "
                + r.change().to() + (r.at() == null ? " (seen now)" : " (recorded " + r.at() + ")")
                + ": not antfleet's doing, kept (antfleet never downgrades)";
    }

    private static String[] withHost(String host, String[] row) {
        String[] wider = new String[row.length + 1];
        wider[0] = host;
        System.arraycopy(row, 0, wider, 1, row.length);
        return wider;
    }

    private static String format(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
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

    /** {@code selfUpgrade}: null, or {@code {from, to, recordedAt}} (recordedAt null: seen now, not recorded yet). */
    private static void putSelfUpgrade(ObjectNode j, VersionChanges.Recorded r) {
        if (r == null) {
            j.putNull("selfUpgrade");
            return;
        }
        ObjectNode o = j.putObject("selfUpgrade");
        o.put("from", r.change().from());
        o.put("to", r.change().to());
        o.put("recordedAt", r.at() == null ? null : r.at().toString());
    }

    public static String json(FleetStatus status) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode containers = root.putArray("containers");
        for (FleetStatus.ContainerStatus c : status.containers()) {
            ObjectNode o = containers.addObject();
            NodeJson.putContainer(o, c.name(), c.containerId(), c.host());
            o.put("fleet", c.fleet());
            o.put("running", c.running());
            c.problem().ifPresent(p -> o.put("problem", p));
            ArrayNode nodes = o.putArray("nodes");
            for (Node n : c.nodes()) {
                ObjectNode j = nodes.addObject();
                NodeJson.putRow(j, n);
                putReading(j, n, c.readAt().get(n.id()));
                putSelfUpgrade(j, c.selfUpgrades().get(n.service()));
            }
        }
        ArrayNode down = root.putArray("unreachable");
        status.unreachable().forEach(p -> down.addObject().put("host", p.host()).put("message", p.message()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status always serializes", e);
        }
    }
}
