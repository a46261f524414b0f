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

    /** lib.rs:446-478: fixed-width columns, connected peers right-aligned, Removed nodes hidden. */
    private void table(Registry registry) {
        ctx.banner("Antnode Services");
        String format = "%-18s %-52s %-7s %15s %s%n";
        ctx.out().printf(format, "Service Name", "Peer ID", "Status", "Connected Peers", "Failure");
        for (NodeEntry node : registry.nodes()) {
            if (node.status() == NodeEntry.Status.Removed) {
                continue;
            }
            Object peers = node.get("connected_peers");
            ctx.out().printf(format, node.serviceName(), orDash(node.text("peer_id")),
                    node.status().name().toUpperCase(), peers instanceof List ? ((List<?>) peers).size() : "-",
                    node.status() == NodeEntry.Status.Stopped ? failure(node).orElse("-") : "-");
        }
    }

    /** lib.rs:392-433: one banner per node, then its fields. */
    private void details(Registry registry) {
        for (NodeEntry node : registry.nodes()) {
            ctx.banner(node.serviceName() + " - " + node.status().name().toUpperCase());
            ctx.out().println("Version: " + node.text("version"));
            ctx.out().println("Peer ID: " + orDash(node.text("peer_id")));
            ctx.out().println("RPC Socket: " + node.text("rpc_socket_addr"));
            Object listen = node.get("listen_addr");
            ctx.out().println("Listen Addresses: " + (listen instanceof List
                    ? "Some([" + String.join(", ", ((List<?>) listen).stream().map(String::valueOf).toList()) + "])"
                    : "None"));
            ctx.out().println("PID: " + orDash(node.text("pid")));
            if (node.status() == NodeEntry.Status.Stopped) {
                failure(node).ifPresent(f -> ctx.out().println("Failure reason: " + f));
            }
            ctx.out().println("Data path: " + node.text("data_dir_path"));
            ctx.out().println("Log path: " + node.text("log_dir_path"));
            ctx.out().println("Bin path: " + node.text("antnode_path"));
            Object peers = node.get("connected_peers");
            ctx.out().println("Connected peers: " + (peers instanceof List ? ((List<?>) peers).size() : "-"));
            ctx.out().println("Reward balance: -");
            ctx.out().println("Rewards address: " + node.text("rewards_address"));
            ctx.out().println();
        }
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /** The reason in the node's critical_failure.log ({@code [<time>] Node terminated due to: <reason>}). */
    private static java.util.Optional<String> failure(NodeEntry node) {
        try {
            java.nio.file.Path log = java.nio.file.Path.of(node.text("log_dir_path"), "critical_failure.log");
            if (!java.nio.file.Files.exists(log)) {
                return java.util.Optional.empty();
            }
            String text = java.nio.file.Files.readString(log).trim();
            int close = text.indexOf("] ");
            return java.util.Optional.of(close < 0 ? text : text.substring(close + 2));
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }
}
