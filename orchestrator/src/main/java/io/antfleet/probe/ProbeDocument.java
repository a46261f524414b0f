package io.antfleet.probe;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container's probe answer: the host, the ant nodes that passed the checks, those refused with a reason, and
 * the legacy antnode nodes it was asked to read ({@link ProbeRequest#antnodes()}).
 */
public record ProbeDocument(Instant time, ProbeHost host, List<ProbedNode> nodes, List<RefusedNode> refused,
        List<ProbedAntnode> antnodes) {
    public ProbeDocument {
        requireNonNull(time, "time is null");
        requireNonNull(host, "host is null");
        nodes = List.copyOf(nodes);
        refused = List.copyOf(refused);
        antnodes = List.copyOf(antnodes);
    }

    public ProbeDocument(Instant time, ProbeHost host, List<ProbedNode> nodes, List<RefusedNode> refused) {
        this(time, host, nodes, refused, List.of());
    }

    /** The legacy node of {@code service}, when the probe was asked for it and listed it. */
    public Optional<ProbedAntnode> antnode(String service) {
        return antnodes.stream().filter(a -> a.service().equals(service)).findFirst();
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
