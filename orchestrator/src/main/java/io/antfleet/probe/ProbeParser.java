package io.antfleet.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.fleet.NodeReadings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns {@code antfleet-probe}'s stdout (probe.c, format 1; {@code antnodes} when asked, probe_antnode.c) into a {@link ProbeDocument}. The container's
 * answer is untrusted: the document is bounded in size and node count, and each node is checked on its own, so
 * one bad node is a {@link RefusedNode} with the reason while the others are used. Only a document that is not
 * a format-1 probe document at all is refused whole ({@link ProbeFormatException}).
 */
public final class ProbeParser {
    public static final int FORMAT = 1;
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    public static final int MAX_NODES = 2000;
    static final long MAX_FIGURE = 1L << 53; // past what a JSON double keeps exactly: not a real reading
    private static final int MAX_PROBLEMS = 20;
    private static final int MAX_PROBLEM_CHARS = 300;
    private static final Pattern SERVICE = Pattern.compile("node[1-9][0-9]{0,5}");
    private static final Pattern ANTNODE_SERVICE = Pattern.compile("[a-z][a-z0-9_-]{0,30}");
    /** The kept lines of one body: a few hundred bytes; probe_antnode.c stops at 256 KB. */
    private static final int MAX_BODY_CHARS = 256 * 1024;
    private static final Pattern PEER_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}(-[0-9A-Za-z.]{1,32})?");
    private static final long MAX_PID = 4_194_304; // Linux pid_max ceiling

    private final ObjectMapper json = new ObjectMapper();

    public ProbeDocument parse(String stdout) {
        if (stdout.length() > MAX_CHARS) {
            throw new ProbeFormatException("probe answer of " + stdout.length() + " characters is over " + MAX_CHARS);
        }
        JsonNode root;
        try {
            root = json.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new ProbeFormatException("probe answer is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ProbeFormatException("probe answer is not a JSON object");
        }
        JsonNode format = root.get("probe");
        if (format == null || !format.isInt() || format.intValue() != FORMAT) {
            throw new ProbeFormatException("probe format " + format + " is not " + FORMAT);
        }
        JsonNode nodes = root.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            throw new ProbeFormatException("probe answer has no nodes array");
        }
        if (nodes.size() > MAX_NODES) {
            throw new ProbeFormatException("probe answer lists " + nodes.size() + " nodes, over " + MAX_NODES);
        }
        JsonNode time = root.get("time");
        Instant at = time != null && time.canConvertToLong() && time.longValue() >= 0 && time.longValue() < MAX_FIGURE
                ? Instant.ofEpochSecond(time.longValue()) : Instant.EPOCH;
        List<ProbedNode> good = new ArrayList<>();
        List<RefusedNode> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String label = label(node, i);
            try {
                ProbedNode parsed = node(node);
                if (!seen.add(parsed.service())) {
                    throw new IllegalArgumentException("service listed twice");
                }
                good.add(parsed);
            } catch (IllegalArgumentException e) {
                refused.add(new RefusedNode(label, e.getMessage()));
            }
        }
        return new ProbeDocument(at, host(root.path("host"), root.path("disk")), good, refused,
                antnodes(root.get("antnodes"), refused));
    }

    /**
     * The legacy nodes the probe was asked to read; absent when it was not. An entry that is not what probe.c
     * prints is refused alone; its bodies' content is the sweep parser's to judge.
     */
    private static List<ProbedAntnode> antnodes(JsonNode antnodes, List<RefusedNode> refused) {
        List<ProbedAntnode> out = new ArrayList<>();
        if (antnodes == null) {
            return out;
        }
        if (!antnodes.isArray() || antnodes.size() > MAX_NODES) {
            throw new ProbeFormatException("probe answer's antnodes is not an array of at most " + MAX_NODES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < antnodes.size(); i++) {
            JsonNode a = antnodes.get(i);
            String label = a.path("service").isTextual() && ANTNODE_SERVICE.matcher(a.path("service").textValue()).matches()
                    ? a.path("service").textValue() : "antnodes[" + i + "]";
            try {
                String service = text(a, "service", ANTNODE_SERVICE, true);
                Long port = figure(a, "metricsPort", 65535);
                ProbedAntnode node = new ProbedAntnode(service, port == null ? 0 : port.intValue(), text(a, "metrics", null, false),
                        text(a, "metadata", null, false), text(a, "failure", null, false));
                if (!seen.add(service)) {
                    throw new IllegalArgumentException("service listed twice");
                }
                out.add(node);
            } catch (IllegalArgumentException e) {
                refused.add(new RefusedNode(label, e.getMessage()));
            }
        }
        return out;
    }

    private static String label(JsonNode node, int index) {
        JsonNode service = node.get("service");
        return service != null && service.isTextual() && SERVICE.matcher(service.textValue()).matches()
                ? service.textValue() : "nodes[" + index + "]";
    }

    private static ProbedNode node(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String service = text(node, "service", SERVICE, true);
        String dataDir = text(node, "dataDir", null, true);
        JsonNode alive = node.get("alive");
        if (alive == null || !alive.isBoolean()) {
            throw new IllegalArgumentException("alive is " + alive + ", not true or false");
        }
        Long pid = figure(node, "pid", MAX_PID);
        if (pid != null && pid == 0) {
            throw new IllegalArgumentException("pid 0");
        }
        if (alive.booleanValue() != (pid != null)) {
            throw new IllegalArgumentException(alive.booleanValue() ? "alive without a pid" : "a pid " + pid + " but not alive");
        }
        Long uptime = figure(node, "uptimeSeconds", MAX_FIGURE);
        Long cpuMillis = figure(node, "cpuMillis", MAX_FIGURE);
        Long rssKb = figure(node, "rssKb", MAX_FIGURE);
        Long disk = figure(node, "diskBytes", MAX_FIGURE);
        Long records = figure(node, "records", MAX_FIGURE);
        String peerId = text(node, "peerId", PEER_ID, false);
        String version = text(node, "version", VERSION, false);
        NodeReadings readings = new NodeReadings(peerId, version, uptime, records, null, null, null, null, null,
                null, null, null, rssKb == null ? null : rssKb / 1024.0, cpuPercent(cpuMillis, uptime), null, null,
                null, null);
        return new ProbedNode(service, dataDir, alive.booleanValue(), pid, cpuMillis, disk, readings,
                problems(node.get("problems")));
    }

    /** Average CPU share over the process's life; null when it cannot be told (no figures, or not yet a second old). */
    static Double cpuPercent(Long cpuMillis, Long uptimeSeconds) {
        if (cpuMillis == null || uptimeSeconds == null || uptimeSeconds == 0) {
            return null;
        }
        return cpuMillis / 10.0 / uptimeSeconds;
    }

    private static String text(JsonNode node, String field, Pattern pattern, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return null;
        }
        int max = field.equals("metrics") || field.equals("metadata") ? MAX_BODY_CHARS : 4096;
        if (!value.isTextual() || value.textValue().length() > max) {
            throw new IllegalArgumentException(field + " is not a string of at most " + max + " characters");
        }
        if (pattern != null && !pattern.matcher(value.textValue()).matches()) {
            throw new IllegalArgumentException(field + " '" + shorten(value.textValue()) + "' does not match " + pattern);
        }
        return value.textValue();
    }

    private static Long figure(JsonNode node, String field, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0 || value.longValue() > max) {
            throw new IllegalArgumentException(field + " " + shorten(value.toString()) + " is not a whole number in 0.." + max);
        }
        return value.longValue();
    }

    private static List<String> problems(JsonNode problems) {
        List<String> list = new ArrayList<>();
        if (problems == null || !problems.isArray()) {
            return list;
        }
        for (int i = 0; i < problems.size() && list.size() < MAX_PROBLEMS; i++) {
            list.add(shorten(problems.get(i).asText()));
        }
        return list;
    }

    private static ProbeHost host(JsonNode host, JsonNode disk) {
        JsonNode cpus = host.get("cpus");
        return new ProbeHost(cpus != null && cpus.isInt() && cpus.intValue() > 0 ? cpus.intValue() : 0,
                load(host, "load1"), load(host, "load5"), load(host, "load15"), quiet(host, "memTotalKb"),
                quiet(host, "memAvailableKb"), quiet(host, "cpuBusyTicks"), quiet(host, "cpuIdleTicks"),
                quiet(disk, "totalBytes"), quiet(disk, "freeBytes"));
    }

    /** A host figure that is absent or out of range is unknown (null): the host's figures never refuse nodes. */
    private static Long quiet(JsonNode node, String field) {
        try {
            return figure(node, field, MAX_FIGURE);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Double load(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() && value.doubleValue() >= 0 && value.doubleValue() < 1e6
                ? value.doubleValue() : null;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_PROBLEM_CHARS ? text : text.substring(0, MAX_PROBLEM_CHARS) + "…";
    }
}
