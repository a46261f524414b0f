package io.antfleet.probe;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One container's probe answer: the host, the nodes that passed the checks, and those refused with a reason. */
public record ProbeDocument(Instant time, ProbeHost host, List<ProbedNode> nodes, List<RefusedNode> refused) {
    public ProbeDocument {
        requireNonNull(time, "time is null");
        requireNonNull(host, "host is null");
        nodes = List.copyOf(nodes);
        refused = List.copyOf(refused);
    }

    public Optional<ProbedNode> node(String service) {
        return nodes.stream().filter(n -> n.service().equals(service)).findFirst();
    }

    /** The nodes by service, in the probe's order (by node number). */
    public Map<String, ProbedNode> byService() {
        Map<String, ProbedNode> map = new LinkedHashMap<>();
        nodes.forEach(n -> map.put(n.service(), n));
        return map;
    }
}
