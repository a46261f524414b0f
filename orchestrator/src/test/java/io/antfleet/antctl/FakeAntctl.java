package io.antfleet.antctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.docker.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory antctl 0.14 behind the runner port, printing the contract's exact formats: a registry
 * with numbering = entries + 1, Removed entries kept, empty status for an empty registry. Failures are
 * scripted per verb ({@link #failNext}); every call is recorded.
 */
public final class FakeAntctl implements AntctlRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final class Entry {
        public final int number;
        public String status = "Added";
        public Integer nodePort;
        public Integer metricsPort;
        public int rpcPort;
        public Long pid;
        public String version = "0.4.17";

        Entry(int number) {
            this.number = number;
        }
    }

    private final String target;
    private final String versionOutput;
    private final List<Entry> registry = new ArrayList<>();
    private final Map<String, java.util.ArrayDeque<ExecResult>> scripted = new HashMap<>();
    private final List<List<String>> calls = new ArrayList<>();
    private final List<Duration> timeouts = new ArrayList<>();
    private boolean addAfterFailure;
    private String binaryVersion = "0.4.17";
    private String imageId;

    public FakeAntctl(String target) {
        this(target, "Autonomi Node Manager v0.14.2\nPackage version: 2026.2.3.2\nGit info: stable / 4f1e2d3 / 2026-02-03\n");
    }

    public FakeAntctl(String target, String versionOutput) {
        this.target = target;
        this.versionOutput = versionOutput;
    }

    /**
     * The next call of {@code verb} (e.g. "add", "status", "--version") returns this instead of running; called
     * again for the same verb, the call after that returns the second one, and so on.
     */
    public synchronized FakeAntctl failNext(String verb, ExecResult result) {
        scripted.computeIfAbsent(verb, v -> new java.util.ArrayDeque<>()).add(result);
        return this;
    }

    /** A scripted add failure still adds the nodes before it (as antctl does when node N fails). */
    public synchronized FakeAntctl addBeforeFailing(boolean value) {
        addAfterFailure = value;
        return this;
    }

    /** The image this antctl runs in, as Docker would say it (none: the client asks --version itself). */
    public synchronized FakeAntctl imageId(String id) {
        imageId = id;
        return this;
    }

    @Override
    public synchronized java.util.Optional<String> imageId() {
        return java.util.Optional.ofNullable(imageId);
    }

    public synchronized List<List<String>> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Duration> timeouts() {
        return List.copyOf(timeouts);
    }

    public synchronized List<Entry> registry() {
        return List.copyOf(registry);
    }

    /** Answers execs the way {@link DockerExecRunner} sends them: {@code timeout -s KILL N antctl args...}. */
    public java.util.function.Function<io.antfleet.docker.FakeDockerGateway.ExecCall, ExecResult> execHandler() {
        return call -> {
            int at = call.command().indexOf("antctl");
            if (at < 0) {
                List<String> c = call.command();
                int from = c.size() > 3 && c.get(0).equals("timeout") ? 4 : 0;
                return runBeside(c.subList(from, c.size()), call.timeout());
            }
            return run(call.command().subList(at + 1, call.command().size()), call.timeout());
        };
    }

    @Override
    public String target() {
        return target;
    }

    /**
     * Programs run beside antctl: {@code <binary> --version} answers {@link #binaryVersion}; {@code kill -9 <pid>}
     * ends that node's process (the registry still says Running until a refresh, which this fake does at once).
     */
    @Override
    public synchronized ExecResult runBeside(List<String> command, Duration timeout) {
        calls.add(List.copyOf(command));
        timeouts.add(timeout);
        if (command.size() == 2 && command.get(1).equals("--version")) {
            return ok("Autonomi Node v" + binaryVersion + "\n");
        }
        if (command.get(0).equals("kill")) {
            long pid = Long.parseLong(command.get(command.size() - 1));
            registry.stream().filter(e -> e.pid != null && e.pid == pid).forEach(e -> {
                e.status = "Stopped";
                e.pid = null;
            });
        }
        return ok("");
    }

    /** The version a node binary given to upgrade --path reports. */
    public synchronized FakeAntctl binaryVersion(String version) {
        binaryVersion = version;
        return this;
    }

    @Override
    public synchronized ExecResult run(List<String> args, Duration timeout) {
        calls.add(List.copyOf(args));
        timeouts.add(timeout);
        String verb = args.get(0);
        java.util.ArrayDeque<ExecResult> queued = scripted.get(verb);
        ExecResult script = queued == null ? null : queued.poll();
        if (script != null) {
            if (verb.equals("add") && addAfterFailure) {
                add(args);
            }
            return script;
        }
        switch (verb) {
            case "--version":
                return ok(versionOutput);
            case "status":
                return ok(statusJson());
            case "add":
                return add(args);
            case "start":
                return each(args, "Running", "✓ Started %s service");
            case "stop":
                return each(args, "Stopped", "✓ Service %s was stopped");
            case "remove":
                return each(args, "Removed", "✓ Service %s was removed");
            case "upgrade":
                return upgrade(args);
            case "reset":
                registry.clear();
                return ok("Reset complete\n");
            default:
                return new ExecResult(2, "", "error: unrecognized subcommand '" + verb + "'\n");
        }
    }

    private ExecResult add(List<String> args) {
        int count = Integer.parseInt(value(args, "--count", "1"));
        int[] nodePorts = ports(value(args, "--node-port", null), count);
        int[] metricsPorts = ports(value(args, "--metrics-port", null), count);
        boolean byPath = args.contains("--path");
        String version = byPath ? binaryVersion : value(args, "--version", "0.4.17");
        StringBuilder out = new StringBuilder("╔══════════════════════════╗\n║   Add Antnode Services   ║\n"
                + "╚══════════════════════════╝\n" + count + " service(s) to be added\n");
        if (!byPath) { // helpers.rs:255, 296
            out.append("Downloading antnode version ").append(version).append("...\n")
                    .append("Download completed: /tmp/antnode-download/antnode\n");
        }
        out.append("Services Added:\n");
        for (int i = 0; i < count; i++) {
            Entry e = new Entry(registry.size() + 1);
            e.version = version;
            e.nodePort = nodePorts == null ? 40000 + e.number : nodePorts[i];
            e.metricsPort = metricsPorts == null ? null : metricsPorts[i];
            e.rpcPort = 45000 + e.number;
            registry.add(e);
            out.append(" ✓ antnode").append(e.number).append('\n') // add_services/mod.rs:304-308
                    .append("    - Antnode path: /var/antctl/services/antnode").append(e.number).append("/antnode\n")
                    .append("    - Data path: /var/antctl/services/antnode").append(e.number).append('\n')
                    .append("    - Log path: /var/log/antnode/antnode").append(e.number).append('\n')
                    .append("    - RPC port: 127.0.0.1:").append(e.rpcPort).append('\n');
        }
        out.append("[!] Note: newly added services have not been started\n");
        return ok(out.toString());
    }

    private ExecResult each(List<String> args, String newStatus, String line) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--service-name")) {
                names.add(args.get(i + 1));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            Entry e = find(name);
            if (e == null || e.status.equals("Removed")) {
                return new ExecResult(1, "", "Error: \n   0: No service named '" + name + "'\n");
            }
        }
        for (String name : names) {
            Entry e = find(name);
            e.status = newStatus;
            e.pid = newStatus.equals("Running") ? Long.valueOf(1000 + e.number) : null;
            out.append(String.format(line, name)).append('\n');
        }
        return ok(out.toString());
    }

    /**
     * Upgrades the named nodes to {@code --version}, or to the {@link #binaryVersion} of a {@code --path}, which
     * always forces (cmd/node.rs:470), as antctl 0.14 prints it.
     */
    private ExecResult upgrade(List<String> args) {
        boolean forced = args.contains("--path") || args.contains("--force");
        String to = args.contains("--path") ? binaryVersion : value(args, "--version", "0.4.18");
        StringBuilder out = new StringBuilder("Upgrade summary:\n");
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--service-name")) {
                Entry e = find(args.get(i + 1));
                if (e == null || e.status.equals("Removed")) {
                    return new ExecResult(1, "", "Error: \n   0: No service named '" + args.get(i + 1) + "'\n");
                }
                out.append(forced ? "✓ Forced antnode" + e.number + " version change from " + e.version + " to " + to + ".\n"
                        : "✓ antnode" + e.number + " upgraded from " + e.version + " to " + to + "\n");
                e.version = to;
            }
        }
        return ok(out.toString());
    }

    private Entry find(String name) {
        return registry.stream().filter(e -> ("antnode" + e.number).equals(name)).findFirst().orElse(null);
    }

    private String statusJson() {
        if (registry.isEmpty()) {
            return "";
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode nodes = root.putArray("nodes");
        for (Entry e : registry) {
            ObjectNode n = nodes.addObject();
            n.put("schema_version", 2);
            n.put("antnode_path", "/var/antctl/services/antnode" + e.number + "/antnode");
            n.putNull("connected_peers");
            n.put("data_dir_path", "/var/antctl/services/antnode" + e.number);
            n.put("log_dir_path", "/var/log/antnode/antnode" + e.number);
            putPort(n, "metrics_port", e.metricsPort);
            putPort(n, "node_port", e.nodePort);
            n.put("number", e.number);
            n.putNull("peer_id");
            if (e.pid == null) {
                n.putNull("pid");
            } else {
                n.put("pid", e.pid);
            }
            n.put("rewards_address", "0x03b770d9cd32077cc0bf330c13c114a87643b124");
            n.put("rpc_socket_addr", "127.0.0.1:" + e.rpcPort);
            n.put("service_name", "antnode" + e.number);
            n.put("status", e.status);
            n.put("user", "ant");
            n.put("user_mode", false);
            n.put("version", e.version);
        }
        root.putNull("daemon");
        return root.toPrettyString() + "\n";
    }

    private static void putPort(ObjectNode n, String key, Integer port) {
        if (port == null) {
            n.putNull(key);
        } else {
            n.put(key, port);
        }
    }

    private static String value(List<String> args, String flag, String fallback) {
        int i = args.indexOf(flag);
        return i < 0 ? fallback : args.get(i + 1);
    }

    private static int[] ports(String spec, int count) {
        if (spec == null) {
            return null;
        }
        String[] parts = spec.split("-");
        int first = Integer.parseInt(parts[0]);
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = first + i;
        }
        return ports;
    }

    private static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "");
    }
}
