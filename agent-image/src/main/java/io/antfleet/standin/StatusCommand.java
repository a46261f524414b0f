package io.antfleet.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code antctl status}: nothing at all for an empty registry; {@code --json} is the pretty {nodes, daemon} object. */
final class StatusCommand {
    private final Context ctx;

    StatusCommand(Context ctx) {
        this.ctx = ctx;
    }

    int run(ParsedArgs args, String jsonFault) {
        Registry registry = ctx.registry();
        if (registry.isEmpty()) {
            return 0;
        }
        if (args.has("json")) {
            // lib.rs:379 refreshes fully only without --json; cmd/node.rs:389 saves the registry on every call
            ctx.refresh(registry);
            registry.save();
            ctx.out().println(damage(json(registry), jsonFault));
        } else {
            ctx.fullRefresh(registry);
            registry.save();
            if (args.has("details")) {
                details(registry);
            } else {
                table(registry);
            }
        }
        if (args.has("fail") && registry.nodes().stream().anyMatch(n -> n.status() != NodeEntry.Status.Running)) {
            throw new Failure("One or more nodes are not in a running state");
        }
        return 0;
    }

    static String json(Registry registry) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> nodes = new ArrayList<>();
        registry.nodes().forEach(n -> nodes.add(n.toJson()));
        root.put("nodes", nodes);
        root.put("daemon", null);
        return Json.write(root, true);
    }

    private static String damage(String json, String fault) {
        if ("truncated".equals(fault)) {
            return json.substring(0, json.length() / 2);
        }
        if ("malformed".equals(fault)) {
            return json.replaceFirst("\"nodes\": \\[", "\"nodes\": [ {\"service_name\": antnode, ");
        }
        return json;
    }

    private void table(Registry registry) {
        ctx.banner("Antnode Services");
        String format = "%-18s %-52s %-7s %-15s %s%n";
        ctx.out().printf(format, "Service Name", "Peer ID", "Status", "Connected Peers", "Failure");
        for (NodeEntry node : registry.nodes()) {
            if (node.status() == NodeEntry.Status.Removed) {
                continue;
            }
            Object peers = node.get("connected_peers");
            ctx.out().printf(format, node.serviceName(), node.text("peer_id") == null ? "-" : node.text("peer_id"),
                    node.status().name().toUpperCase(), peers instanceof List ? ((List<?>) peers).size() : 0, "-");
        }
    }

    private void details(Registry registry) {
        ctx.banner("Antnode Services");
        for (NodeEntry node : registry.nodes()) {
            if (node.status() == NodeEntry.Status.Removed) {
                continue;
            }
            ctx.out().println(node.serviceName() + " - " + node.status().name().toUpperCase());
            ctx.out().println("Version: " + node.text("version"));
            ctx.out().println("Peer ID: " + (node.text("peer_id") == null ? "-" : node.text("peer_id")));
            ctx.out().println("Port: " + node.text("node_port"));
            ctx.out().println("RPC Socket: " + node.text("rpc_socket_addr"));
            ctx.out().println("Metrics Port: " + (node.text("metrics_port") == null ? "-" : node.text("metrics_port")));
            ctx.out().println("Data path: " + node.text("data_dir_path"));
            ctx.out().println("Log path: " + node.text("log_dir_path"));
            ctx.out().println("Bin path: " + node.text("antnode_path"));
            ctx.out().println("PID: " + (node.text("pid") == null ? "-" : node.text("pid")));
            ctx.out().println("Rewards address: " + node.text("rewards_address"));
            ctx.out().println();
        }
    }
}
