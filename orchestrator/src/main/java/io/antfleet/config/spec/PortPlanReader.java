package io.antfleet.config.spec;

import io.antfleet.fleet.spec.PortPlan;
import java.util.List;
import java.util.Optional;

/** Reads a {@code ports: {node, metrics, rpc, blockSize}} mapping: the fleet's, or a host's override. */
final class PortPlanReader {
    private static final List<String> KEYS = List.of("node", "metrics", "rpc", "blockSize");

    private final NodeReader r;

    PortPlanReader(NodeReader r) {
        this.r = r;
    }

    /** The plan, with {@code defaults} for what the mapping leaves out; empty when it has problems (recorded). */
    Optional<PortPlan> read(YamlNode node, String path, PortPlan defaults) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> nodeBase = port(m.get(), path, "node", defaults.node());
        Optional<Integer> metrics = port(m.get(), path, "metrics", defaults.metrics());
        Optional<Integer> rpc = port(m.get(), path, "rpc", defaults.rpc());
        Optional<Integer> size = r.field(m.get(), "blockSize").map(n -> r.integer(n, path + ".blockSize", 1, 65535))
                .orElse(Optional.of(defaults.blockSize()));
        if (nodeBase.isEmpty() || metrics.isEmpty() || rpc.isEmpty() || size.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortPlan(nodeBase.get(), metrics.get(), rpc.get(), size.get()));
    }

    private Optional<Integer> port(YamlNode.Mapping m, String path, String key, int dflt) {
        return r.field(m, key).map(n -> r.integer(n, path + "." + key, 1, 65535)).orElse(Optional.of(dflt));
    }
}
