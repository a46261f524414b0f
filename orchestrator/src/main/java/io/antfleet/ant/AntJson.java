package io.antfleet.ant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.nodemanager.BinaryChecks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code ant} prints (ant-v2-contract.md §2, §4.2). Anything that is not the contract's shape is an
 * {@link IllegalArgumentException} saying what was wrong; the caller names the command.
 */
final class AntJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("ant ([0-9]+\\.[0-9]+\\.[0-9]+(?:-[A-Za-z0-9.]+)?)");

    /** What {@code daemon status --json} says (§2.1). */
    record DaemonState(boolean running, Integer port) {
    }

    /** What the daemon says of one node in {@code status --json} (§2.5). */
    record Runtime(String status, Integer pid, Long uptimeSecs, String pendingVersion) {
    }

    /** What {@code daemon start --json} says (§2.1): whether a live pid file was found; the port, null while pending. */
    record DaemonStart(boolean alreadyRunning, Integer port) {
    }

    /**
     * What {@code node start --json} without a selector says (start-all, §2.3, §3.3): the started nodes' pids by
     * id, the ids already running, and each failed node as {@code node3: <error>}.
     */
    record StartAll(Map<Integer, Integer> started, Set<Integer> alreadyRunning, List<String> failed) {
    }

    private AntJson() {
    }

    static DaemonStart daemonStart(String stdout) {
        JsonNode root = object(stdout, "daemon start");
        JsonNode already = root.get("already_running");
        if (already == null || !already.isBoolean()) {
            throw new IllegalArgumentException("daemon start has no boolean 'already_running': " + excerpt(stdout));
        }
        return new DaemonStart(already.asBoolean(), optionalInt(root, "port"));
    }

    static StartAll startAll(String stdout) {
        JsonNode root = object(stdout, "start");
        Map<Integer, Integer> started = new HashMap<>();
        for (JsonNode n : list(root, "started", stdout)) {
            started.put(requiredInt(n, "node_id"), optionalInt(n, "pid"));
        }
        Set<Integer> already = new HashSet<>();
        for (JsonNode n : list(root, "already_running", stdout)) {
            if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                throw new IllegalArgumentException("start's already_running holds " + n + ", expected node ids");
            }
            already.add(n.asInt());
        }
        List<String> failed = new ArrayList<>();
        for (JsonNode n : list(root, "failed", stdout)) {
            JsonNode error = n.get("error");
            failed.add(n.path("service_name").asText("node" + n.path("node_id").asText()) + ": "
                    + (error == null ? "?" : error.isTextual() ? error.asText() : error.toString()));
        }
        return new StartAll(started, already, failed);
    }

    /** A list of start's result; absent or null is empty (a serializer may print an empty list so). */
    private static JsonNode list(JsonNode root, String key, String stdout) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return JSON.createArrayNode();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("start --json has no '" + key + "' list: " + excerpt(stdout));
        }
        return v;
    }

    /** {@code ant --version}: one line, {@code ant 0.2.0} (§1). */
    static String version(String stdout) {
        String first = stdout.strip().lines().findFirst().orElse("");
        Matcher m = VERSION.matcher(first);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'ant X.Y.Z' from ant --version, got '" + first + "'");
        }
        return m.group(1);
    }

    static DaemonState daemon(String stdout) {
        JsonNode root = object(stdout, "daemon status");
        JsonNode running = root.get("running");
        if (running == null || !running.isBoolean()) {
            throw new IllegalArgumentException("daemon status has no boolean 'running': " + excerpt(stdout));
        }
        return new DaemonState(running.asBoolean(), optionalInt(root, "port"));
    }

    /** {@code <D>/node_registry.json} (§4.2), in id order; an empty document is an empty registry. */
    static List<AntNode> registry(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        JsonNode root = object(text, "node_registry.json");
        JsonNode nodes = root.get("nodes");
        if (nodes == null || !nodes.isObject() || !root.hasNonNull("next_id")) {
            throw new IllegalArgumentException("node_registry.json lacks 'nodes' or 'next_id': " + excerpt(text));
        }
        List<AntNode> out = new ArrayList<>();
        for (Iterator<JsonNode> it = nodes.elements(); it.hasNext();) {
            out.add(entry(it.next()));
        }
        out.sort(Comparator.comparingInt(AntNode::id));
        return out;
    }

    /** {@code add --json}'s {@code nodes_added} (§2.2), parsed from the first '{' (progress lines may come first). */
    static List<AntNode> added(String stdout) {
        int brace = stdout.indexOf('{');
        if (brace < 0) {
            throw new IllegalArgumentException("add printed no JSON: " + excerpt(stdout));
        }
        JsonNode added = object(stdout.substring(brace), "add").get("nodes_added");
        if (added == null || !added.isArray()) {
            throw new IllegalArgumentException("add --json has no 'nodes_added' list: " + excerpt(stdout));
        }
        List<AntNode> out = new ArrayList<>();
        added.forEach(n -> out.add(entry(n)));
        return out;
    }

    /** {@code status --json}'s nodes by id (§2.5). */
    static Map<Integer, Runtime> status(String stdout) {
        JsonNode nodes = object(stdout, "status").get("nodes");
        if (nodes == null || !nodes.isArray()) {
            throw new IllegalArgumentException("status --json has no 'nodes' list: " + excerpt(stdout));
        }
        Map<Integer, Runtime> out = new HashMap<>();
        for (JsonNode n : nodes) {
            int id = requiredInt(n, "node_id");
            String status = requiredText(n, "status");
            AntNode.status(status);
            Long uptime = n.hasNonNull("uptime_secs") ? n.get("uptime_secs").asLong() : null;
            out.put(id, new Runtime(status, optionalInt(n, "pid"), uptime, optionalText(n, "pending_version")));
        }
        return out;
    }

    /** The registry's nodes with the daemon's word on each; a node the daemon does not list is stopped (§3.4). */
    static List<AntNode> merge(List<AntNode> registry, Map<Integer, Runtime> runtime) {
        List<AntNode> out = new ArrayList<>();
        for (AntNode n : registry) {
            Runtime r = runtime.get(n.id());
            out.add(r == null ? n : n.withRuntime(r.status(), r.pid(), r.uptimeSecs(), r.pendingVersion()));
        }
        return out;
    }

    /** {@code env}'s KEY=VALUE lines. */
    static Map<String, String> environment(String stdout) {
        Map<String, String> env = new HashMap<>();
        stdout.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return env;
    }

    private static AntNode entry(JsonNode n) {
        int id = requiredInt(n, "id");
        String name = requiredText(n, "service_name");
        if (!name.equals("node" + id)) {
            throw new IllegalArgumentException("registry entry " + id + " is named '" + name + "', not node" + id);
        }
        ServiceName service = ServiceName.of(name);
        try {
            return new AntNode(id, service, "stopped", port(n, "node_port"), port(n, "metrics_port"),
                    BinaryChecks.absolutePath("data_dir", requiredText(n, "data_dir")),
                    n.hasNonNull("log_dir") ? BinaryChecks.absolutePath("log_dir", requiredText(n, "log_dir")) : null,
                    BinaryChecks.absolutePath("binary_path", requiredText(n, "binary_path")),
                    BinaryChecks.version("version", requiredText(n, "version")),
                    new WalletAddress(requiredText(n, "rewards_address")).value(), null, null, null, null);
        } catch (IllegalArgumentException e) {
            return AntNode.unusable(id, service, e.getMessage());
        }
    }

    private static Integer port(JsonNode n, String key) {
        Integer port = optionalInt(n, key);
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("invalid " + key + " " + port + " (expected 1..65535)");
        }
        return port;
    }

    private static JsonNode object(String text, String what) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object: " + excerpt(text));
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON (" + e.getMessage().lines().findFirst().orElse("") + "): " + excerpt(text), e);
        }
    }

    private static int requiredInt(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("expected a number '" + key + "' in " + excerpt(n.toString()));
        }
        return v.asInt();
    }

    private static Integer optionalInt(JsonNode n, String key) {
        return n.hasNonNull(key) ? requiredInt(n, key) : null;
    }

    private static String requiredText(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("expected a string '" + key + "' in " + excerpt(n.toString()));
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String key) {
        return n.hasNonNull(key) ? requiredText(n, key) : null;
    }

    static String excerpt(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= 200 ? t : t.substring(0, 200) + "…";
    }
}
