package io.antfleet.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads the stand-in's JSON for the tests: objects as insertion-ordered maps (key order is part of the contract). */
final class Json {
    /** The keys of a schema-2 registry entry, in the real tool's order (antctl-contract.md §4). */
    static final List<String> NODE_KEY_ORDER = List.of("alpha", "schema_version", "antnode_path", "auto_restart",
            "connected_peers", "data_dir_path", "evm_network", "initial_peers_config", "listen_addr", "log_dir_path",
            "log_format", "max_archived_log_files", "max_log_files", "metrics_port", "network_id", "node_ip",
            "node_port", "no_upnp", "number", "peer_id", "pid", "relay", "rewards_address", "reward_balance",
            "rpc_socket_addr", "service_name", "status", "user", "user_mode", "version", "write_older_cache_files");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Parses one JSON document; anything that is not exactly one valid document is an IllegalArgumentException. */
    static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
