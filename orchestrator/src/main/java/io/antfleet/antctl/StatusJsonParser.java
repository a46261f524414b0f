package io.antfleet.antctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.fleet.NodeValues;
import io.antfleet.fleet.ServiceName;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code antctl status --json}: an object whose {@code nodes} array holds every registry entry,
 * Removed ones included. Empty stdout means an empty registry. Unknown keys are ignored, optional ones
 * may be absent (schema 0/1 registries), and anything else unexpected is an error, never a default.
 * An error in one entry is that entry's alone: with a valid service name it becomes an
 * {@link AntctlNode#unusable} entry carrying the reason; without one (it cannot be told apart from the
 * others) it is left out and logged. The other entries are read as usual.
 */
final class StatusJsonParser {
    private static final Logger LOG = LoggerFactory.getLogger(StatusJsonParser.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The node table's path columns. */
    static final int MAX_PATH = 1024;

    List<AntctlNode> parse(String stdout) {
        if (stdout == null || stdout.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new AntctlOutputException("status --json printed invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new AntctlOutputException("status --json printed " + (root == null ? "nothing" : root.getNodeType())
                    + " where an object {\"nodes\": [...]} was expected");
        }
        JsonNode nodes = root.get("nodes");
        if (nodes == null || !nodes.isArray()) {
            throw new AntctlOutputException("status --json printed an object without a \"nodes\" array");
        }
        List<AntctlNode> result = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            JsonNode name = n.path("service_name");
            ServiceName service = name.isTextual() && ServiceName.isValid(name.asText()) ? ServiceName.of(name.asText()) : null;
            try {
                result.add(node(n, i));
            } catch (AntctlOutputException | IllegalArgumentException e) {
                if (service == null) {
                    LOG.warn("status --json: entry {} left out: {}", i, e.getMessage());
                } else {
                    result.add(AntctlNode.unusable(service, e.getMessage()));
                }
            }
        }
        return result;
    }

    private AntctlNode node(JsonNode n, int index) {
        if (!n.isObject()) {
            throw new AntctlOutputException("status --json: nodes[" + index + "] is not an object");
        }
        String name = requiredText(n, "service_name", index);
        if (!ServiceName.isValid(name)) {
            throw new AntctlOutputException("status --json: nodes[" + index + "] has service_name '" + name
                    + "', expected antnode<N>");
        }
        ServiceName service = ServiceName.of(name);
        JsonNode number = n.get("number");
        if (number != null && !number.isNull() && (!number.canConvertToInt() || number.asInt() != service.number())) {
            throw new AntctlOutputException("status --json: " + name + " has number " + number + ", expected "
                    + service.number());
        }
        String status = requiredText(n, "status", index);
        if (!List.of("Added", "Running", "Stopped", "Removed").contains(status)) {
            throw new AntctlOutputException("status --json: " + name + " has status '" + status
                    + "', expected Added, Running, Stopped or Removed");
        }
        String rpc = bounded(n, "rpc_socket_addr", name, 64);
        String version = optionalText(n, "version", name);
        String peerId = optionalText(n, "peer_id", name);
        String problem = NodeValues.versionProblem(version);
        problem = problem != null ? problem : NodeValues.peerIdProblem(peerId);
        if (problem != null) {
            throw new AntctlOutputException("status --json: " + name + " has " + problem);
        }
        return new AntctlNode(service, status, port(n, "node_port", name), port(n, "metrics_port", name),
                rpcPort(rpc, name), rpc, bounded(n, "data_dir_path", name, MAX_PATH), bounded(n, "log_dir_path", name, MAX_PATH),
                bounded(n, "antnode_path", name, MAX_PATH), version, peerId, optionalLong(n, "pid", name),
                bounded(n, "rewards_address", name, 64), bounded(n, "user", name, 64),
                n.path("user_mode").asBoolean(false), peers(n.get("connected_peers"), name), null);
    }

    private static String requiredText(JsonNode n, String key, int index) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new AntctlOutputException("status --json: nodes[" + index + "] lacks the text field \"" + key + "\"");
        }
        return v.asText();
    }

    /** Optional text of at most {@code max} characters, without control characters (it goes to columns and reports). */
    private static String bounded(JsonNode n, String key, String name, int max) {
        String v = optionalText(n, key, name);
        if (v != null && (v.length() > max || hasControl(v))) {
            throw new AntctlOutputException("status --json: " + name + " has " + key + " '" + NodeValues.shown(v)
                    + "' (at most " + max + " characters, no control characters)");
        }
        return v;
    }

    /** A plain loop: six fields of every entry of every survey pass here. */
    private static boolean hasControl(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String optionalText(JsonNode n, String key, String name) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new AntctlOutputException("status --json: " + name + " has " + key + " " + v + ", expected text");
        }
        return v.asText();
    }

    private static Long optionalLong(JsonNode n, String key, String name) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new AntctlOutputException("status --json: " + name + " has " + key + " " + v + ", expected an integer");
        }
        return v.asLong();
    }

    private static Integer port(JsonNode n, String key, String name) {
        Long v = optionalLong(n, key, name);
        if (v == null) {
            return null;
        }
        if (v < 1 || v > 65535) {
            throw new AntctlOutputException("status --json: " + name + " has " + key + " " + v + ", not a port");
        }
        return v.intValue();
    }

    private static Integer rpcPort(String socketAddr, String name) {
        if (socketAddr == null) {
            return null;
        }
        int colon = socketAddr.lastIndexOf(':');
        try {
            int port = Integer.parseInt(socketAddr.substring(colon + 1));
            if (colon < 0 || port < 1 || port > 65535) {
                throw new NumberFormatException(socketAddr);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new AntctlOutputException("status --json: " + name + " has rpc_socket_addr '" + socketAddr
                    + "', expected host:port", e);
        }
    }

    private static Integer peers(JsonNode v, String name) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new AntctlOutputException("status --json: " + name + " has connected_peers " + v
                    + ", expected a list");
        }
        return v.size();
    }
}
