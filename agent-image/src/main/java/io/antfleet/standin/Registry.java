package io.antfleet.standin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node registry file: compact JSON {@code {"daemon","environment_variables","nat_status","nodes","save_path"}},
 * rewritten whole after every change the way the real tool does it (ant-service-management src/registry.rs:160-179):
 * {@code File::create} (truncate) then one write, with no temporary file, so a reader can see an empty or half
 * written file. An empty file loads as an empty registry (registry.rs:201-212).
 */
final class Registry {
    private final Path path;
    private final List<NodeEntry> nodes;
    private Object environmentVariables;
    private final Map<String, Object> rest;

    private Registry(Path path, List<NodeEntry> nodes, Object environmentVariables, Map<String, Object> rest) {
        this.path = path;
        this.nodes = nodes;
        this.environmentVariables = environmentVariables;
        this.rest = rest;
    }

    @SuppressWarnings("unchecked")
    static Registry load(Path path) {
        if (!Files.exists(path)) {
            return new Registry(path, new ArrayList<>(), null, new LinkedHashMap<>());
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return new Registry(path, new ArrayList<>(), null, new LinkedHashMap<>());
            }
            Object json = Json.parse(text);
            Map<String, Object> root = (Map<String, Object>) json;
            List<NodeEntry> nodes = new ArrayList<>();
            for (Object node : (List<Object>) root.getOrDefault("nodes", List.of())) {
                nodes.add(NodeEntry.fromJson(node));
            }
            return new Registry(path, nodes, root.get("environment_variables"), new LinkedHashMap<>(root));
        } catch (IOException | RuntimeException e) {
            throw new Failure("Could not read the node registry at " + path + ": " + e.getMessage());
        }
    }

    List<NodeEntry> nodes() {
        return nodes;
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The real tool's numbering: entries + 1, Removed entries included, so numbers are never reused. */
    int nextNumber() {
        return nodes.size() + 1;
    }

    Optional<NodeEntry> byName(String serviceName) {
        return nodes.stream().filter(n -> serviceName.equals(n.serviceName())).findFirst();
    }

    void add(NodeEntry node) {
        nodes.add(node);
    }

    void environmentVariables(Object value) {
        this.environmentVariables = value;
    }

    Object environmentVariables() {
        return environmentVariables;
    }

    /** Every port held by an entry, Removed ones included. */
    List<Integer> reservedPorts() {
        List<Integer> ports = new ArrayList<>();
        nodes.forEach(n -> ports.addAll(n.ports()));
        return ports;
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("daemon", rest.get("daemon"));
        root.put("environment_variables", environmentVariables);
        root.put("nat_status", rest.get("nat_status"));
        List<Object> list = new ArrayList<>();
        nodes.forEach(n -> list.add(n.toJson()));
        root.put("nodes", list);
        root.put("save_path", path.toString());
        return Json.write(root, false);
    }

    void save() {
        try {
            Files.createDirectories(path.getParent());
            byte[] json = toJson().getBytes(StandardCharsets.UTF_8);
            try (FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                file.write(ByteBuffer.wrap(json));
            }
        } catch (IOException e) {
            throw new Failure("Could not save the node registry at " + path + ": " + e.getMessage());
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new Failure("Could not delete the node registry at " + path + ": " + e.getMessage());
        }
    }
}
