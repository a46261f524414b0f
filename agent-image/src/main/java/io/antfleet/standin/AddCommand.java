package io.antfleet.standin;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code antctl add}: checks ports and counts, "downloads" antnode, and registers nodes without starting them. */
final class AddCommand {
    private final Context ctx;

    AddCommand(Context ctx) {
        this.ctx = ctx;
    }

    /** @param refused service names whose install the scripted fault {@code add refuse=antnode2,...} fails */
    int run(ParsedArgs args, String refused) {
        List<String> refusedNames = List.of(refused.split(","));
        Registry registry = ctx.registry();
        int count = (int) args.number("count", 1);
        Optional<PortArgument> nodePorts = ports(args, "node-port", count, registry);
        Optional<PortArgument> metricsPorts = ports(args, "metrics-port", count, registry);
        Optional<PortArgument> rpcPorts = ports(args, "rpc-port", count, registry);
        // cmd/node.rs:78-90: banner, count, then (root only) the service user, then the download
        ctx.banner("Add Antnode Services");
        ctx.out().println(count + " service(s) to be added");
        if (ctx.env().root()) {
            serviceUser(args.value("user").orElse("ant"));
        }
        Binaries.Source source = Binaries.resolve(args, ctx);
        if (!args.values("env").isEmpty()) {
            registry.environmentVariables(envPairs(args.values("env")));
        }
        List<NodeEntry> added = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // add_services/mod.rs:283: the number moves on after a failed node too, so a batch never reuses it.
        int number = registry.nextNumber();
        for (int i = 0; i < count; i++, number++) {
            NodeEntry node = NodeEntry.blank(number);
            try {
                describe(node, args, source);
                assignPorts(node, i, registry, nodePorts, metricsPorts, rpcPorts, args);
                // An I/O error (directories, the binary copy) aborts the whole command, as the `?` on these
                // steps does in add_services/mod.rs; only the service install is collected per node.
                Files.createDirectories(Path.of(node.text("log_dir_path")));
                Binaries.install(source, Path.of(node.text("antnode_path")));
            } catch (IOException e) {
                registry.save();
                throw new Failure("Failed to add " + node.serviceName() + ": " + e.getMessage());
            }
            Optional<String> refusal = ctx.env().services().refusal(!ctx.env().root());
            if (refusedNames.contains(node.serviceName())) {
                refusal = Optional.of("The service installation failed (scripted fault)");
            }
            if (refusal.isPresent()) {
                failures.add("✕ " + node.serviceName() + ": " + refusal.get());
                continue;
            }
            registry.add(node);
            registry.save();
            added.add(node);
        }
        registry.save();
        // add_services/mod.rs:301-320: Services Added and the Note for the nodes that were added, then the
        // failures ("✕ name: reason", no leading space), then the error.
        printAdded(added);
        if (!failures.isEmpty()) {
            ctx.out().println("Failed to add " + failures.size() + " service(s):");
            failures.forEach(ctx.out()::println);
            throw new Failure("Failed to add one or more services",
                    "However, any services that were successfully added will be usable.");
        }
        return 0;
    }

    /** ant-service-management src/control.rs:157-208; the stand-in never creates the account, it only says so. */
    private void serviceUser(String user) {
        boolean exists;
        try {
            exists = Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(user + ":"));
        } catch (IOException e) {
            exists = false;
        }
        ctx.out().println(exists ? "The " + user + " user already exists"
                : "Created " + user + " user account for running the service");
    }

    private static void assignPorts(NodeEntry node, int index, Registry registry, Optional<PortArgument> nodePorts,
                                    Optional<PortArgument> metricsPorts, Optional<PortArgument> rpcPorts, ParsedArgs args)
            throws IOException {
        List<Integer> reserved = registry.reservedPorts();
        node.set("node_port", nodePorts.isPresent() ? nodePorts.get().start() + index : freePort(true, reserved));
        node.set("metrics_port", metricsPorts.isPresent() ? (Object) (metricsPorts.get().start() + index) : null);
        int rpc = rpcPorts.isPresent() ? rpcPorts.get().start() + index : freePort(false, reserved);
        node.set("rpc_socket_addr", args.value("rpc-address").orElse("127.0.0.1") + ":" + rpc);
    }

    private Optional<PortArgument> ports(ParsedArgs args, String flag, int count, Registry registry) {
        Optional<PortArgument> range = args.value(flag).map(PortArgument::parse);
        range.ifPresent(r -> {
            r.requireCount(count);
            List<Integer> reserved = registry.reservedPorts();
            for (int port : r.ports()) {
                if (reserved.contains(port)) {
                    throw new Failure("Port " + port + " is being used by another service");
                }
            }
        });
        return range;
    }

    private void describe(NodeEntry node, ParsedArgs args, Binaries.Source source) {
        Path data = ctx.env().dataDir(args.value("data-dir-path").orElse(null), node.number());
        Path log = ctx.env().logDir(args.value("log-dir-path").orElse(null), node.number());
        node.set("antnode_path", data.resolve("antnode").toString());
        node.set("data_dir_path", data.toString());
        node.set("log_dir_path", log.toString());
        node.set("alpha", args.has("alpha"));
        node.set("auto_restart", args.has("auto-restart"));
        node.set("no_upnp", args.has("no-upnp"));
        node.set("relay", args.has("relay"));
        node.set("write_older_cache_files", args.has("write-older-cache-files"));
        node.set("evm_network", evmNetwork(args));
        node.set("log_format", args.value("log-format").map(f -> f.equals("json") ? "Json" : "Default").orElse(null));
        node.set("max_archived_log_files", args.value("max-archived-log-files").map(Long::parseLong).orElse(null));
        node.set("max_log_files", args.value("max-log-files").map(Long::parseLong).orElse(null));
        node.set("network_id", args.value("network-id").map(Long::parseLong).orElse(null));
        node.set("node_ip", args.value("node-ip").orElse(null));
        node.set("rewards_address", args.value("rewards-address").orElseThrow().toLowerCase(Locale.ROOT));
        node.set("user", ctx.env().root() ? args.value("user").orElse("ant") : null);
        node.set("user_mode", !ctx.env().root());
        node.set("version", source.version());
        @SuppressWarnings("unchecked")
        Map<String, Object> peers = (Map<String, Object>) node.get("initial_peers_config");
        peers.put("first", args.has("first"));
        peers.put("addrs", new ArrayList<>(args.values("peer")));
        peers.put("network_contacts_url", new ArrayList<>(args.values("network-contacts-url")));
        peers.put("local", args.has("local"));
        peers.put("ignore_cache", args.has("ignore-cache"));
    }

    private static Object evmNetwork(ParsedArgs args) {
        switch (args.evmNetwork()) {
            case "evm-arbitrum-one": return "ArbitrumOne";
            case "evm-arbitrum-sepolia-test": return "ArbitrumSepoliaTest";
            default:
                Map<String, Object> custom = new LinkedHashMap<>();
                boolean local = args.evmNetwork().equals("evm-local");
                custom.put("rpc_url_http", local ? "http://localhost:61611/" : args.evmValue("rpc-url").orElseThrow());
                custom.put("payment_token_address", local ? "0x5fbdb2315678afecb367f032d93f642f64180aa3"
                        : args.evmValue("payment-token-address").orElseThrow().toLowerCase(Locale.ROOT));
                custom.put("data_payments_address", local ? "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"
                        : args.evmValue("data-payments-address").orElseThrow().toLowerCase(Locale.ROOT));
                custom.put("merkle_payments_address",
                        args.evmValue("merkle-payments-address").map(a -> a.toLowerCase(Locale.ROOT)).orElse(null));
                return Map.of("Custom", custom);
        }
    }

    static List<Object> envPairs(List<String> values) {
        List<Object> pairs = new ArrayList<>();
        for (String kv : values) {
            int eq = kv.indexOf('=');
            pairs.add(new ArrayList<>(List.of(kv.substring(0, eq), kv.substring(eq + 1))));
        }
        return pairs;
    }

    /** A port the OS calls free now and no registry entry holds, like the real tool's random default. */
    private static int freePort(boolean udp, List<Integer> reserved) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            if (udp) {
                try (DatagramSocket s = new DatagramSocket(0)) {
                    port = s.getLocalPort();
                }
            } else {
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = s.getLocalPort();
                }
            }
            if (!reserved.contains(port)) {
                return port;
            }
        }
        throw new IOException("no free port found");
    }

    private void printAdded(List<NodeEntry> added) {
        if (added.isEmpty()) {
            return;
        }
        ctx.out().println("Services Added:");
        for (NodeEntry node : added) {
            ctx.out().println(" ✓ " + node.serviceName());
            ctx.out().println("    - Antnode path: " + node.text("antnode_path"));
            ctx.out().println("    - Data path: " + node.text("data_dir_path"));
            ctx.out().println("    - Log path: " + node.text("log_dir_path"));
            ctx.out().println("    - RPC port: " + node.text("rpc_socket_addr"));
        }
        ctx.out().println("[!] Note: newly added services have not been started");
    }
}
