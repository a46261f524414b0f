package io.antfleet.antctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.fleet.ServiceName;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code antctl status --json}: an object whose {@code nodes} array holds every registry entry,
 * Removed ones included. Empty stdout means an empty registry. Unknown keys are ignored, optional ones
 * may be absent (schema 0/1 registries), and anything else unexpected is an error, never a default.
 */
final class StatusJsonParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
            result.add(node(nodes.get(i), i));
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
        String rpc = optionalText(n, "rpc_socket_addr", name);
        return new AntctlNode(service, status, port(n, "node_port", name), port(n, "metrics_port", name),
                rpcPort(rpc, name), rpc, optionalText(n, "data_dir_path", name), optionalText(n, "log_dir_path", name),
                optionalText(n, "antnode_path", name), optionalText(n, "version", name),
                optionalText(n, "peer_id", name), optionalLong(n, "pid", name),
                optionalText(n, "rewards_address", name), optionalText(n, "user", name),
                n.path("user_mode").asBoolean(false), peers(n.get("connected_peers"), name));
    }

    private static String requiredText(JsonNode n, String key, int index) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new AntctlOutputException("status --json: nodes[" + index + "] lacks the text field \"" + key + "\"");
        }
        return v.asText();
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
