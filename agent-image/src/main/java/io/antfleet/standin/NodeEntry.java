package io.antfleet.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One registry entry (schema version 2). Kept as an ordered map so the JSON keys come out in the
 * real tool's order (contract section 4) and keys the stand-in does not know survive a rewrite.
 */
final class NodeEntry {
    static final List<String> KEY_ORDER = List.of("alpha", "schema_version", "antnode_path", "auto_restart",
            "connected_peers", "data_dir_path", "evm_network", "initial_peers_config", "listen_addr", "log_dir_path",
            "log_format", "max_archived_log_files", "max_log_files", "metrics_port", "network_id", "node_ip",
            "node_port", "no_upnp", "number", "peer_id", "pid", "relay", "rewards_address", "reward_balance",
            "rpc_socket_addr", "service_name", "status", "user", "user_mode", "version", "write_older_cache_files");

    enum Status { Added, Running, Stopped, Removed }

    private final Map<String, Object> fields;

    private NodeEntry(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** A new entry with every schema-2 key present, in order, set to its default. */
    static NodeEntry blank(int number) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String key : KEY_ORDER) {
            f.put(key, null);
        }
        for (String key : List.of("alpha", "auto_restart", "no_upnp", "relay", "user_mode", "write_older_cache_files")) {
            f.put(key, Boolean.FALSE);
        }
        f.put("schema_version", 2L);
        f.put("number", (long) number);
        f.put("service_name", "antnode" + number);
        f.put("status", Status.Added.name());
        Map<String, Object> peers = new LinkedHashMap<>();
        peers.put("first", Boolean.FALSE);
        peers.put("addrs", new ArrayList<>());
        peers.put("network_contacts_url", new ArrayList<>());
        peers.put("local", Boolean.FALSE);
        peers.put("ignore_cache", Boolean.FALSE);
        peers.put("bootstrap_cache_dir", null);
        f.put("initial_peers_config", peers);
        return new NodeEntry(f);
    }

    @SuppressWarnings("unchecked")
    static NodeEntry fromJson(Object json) {
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException("a registry node is not an object");
        }
        return new NodeEntry(new LinkedHashMap<>((Map<String, Object>) json));
    }

    Map<String, Object> toJson() {
        return fields;
    }

    void set(String key, Object value) {
        fields.put(key, value instanceof Integer ? Long.valueOf((Integer) value) : value);
    }

    Object get(String key) {
        return fields.get(key);
    }

    String text(String key) {
        Object v = fields.get(key);
        return v == null ? null : v.toString();
    }

    Integer integer(String key) {
        Object v = fields.get(key);
        return v instanceof Number ? ((Number) v).intValue() : null;
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(fields.get(key));
    }

    String serviceName() {
        return text("service_name");
    }

    int number() {
        return Objects.requireNonNull(integer("number"), "number is missing");
    }

    Status status() {
        return Status.valueOf(text("status"));
    }

    void status(Status status) {
        fields.put("status", status.name());
    }

    /** The node, metrics and rpc ports this entry holds; Removed entries keep them reserved. */
    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (String key : List.of("node_port", "metrics_port")) {
            if (integer(key) != null) {
                ports.add(integer(key));
            }
        }
        Integer rpc = rpcPort();
        if (rpc != null) {
            ports.add(rpc);
        }
        return ports;
    }

    Integer rpcPort() {
        String addr = text("rpc_socket_addr");
        if (addr == null || addr.lastIndexOf(':') < 0) {
            return null;
        }
        return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
    }

    /** Forgets the process: what {@code stop} and a liveness refresh do to a node that is gone. */
    void markStopped() {
        status(Status.Stopped);
        fields.put("pid", null);
        fields.put("connected_peers", null);
    }
}
