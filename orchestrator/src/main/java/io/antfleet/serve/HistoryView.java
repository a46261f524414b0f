package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.FleetTotals;
import io.antfleet.store.HistoryLog;
import io.antfleet.store.HostReading;
import io.antfleet.store.NodeReadingSample;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /api/v1/readings?node=…&since=…} (one node's readings history) and {@code /api/v1/history?since=…}
 * (the host and the fleet's totals per cycle), oldest first: what the charts draw.
 */
public final class HistoryView {
    private final HistoryLog history;
    private final NodeRepository nodes;
    private final ContainerRepository containers;
    private final FleetView fleet;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public HistoryView(HistoryLog history, NodeRepository nodes, ContainerRepository containers, FleetView fleet) {
        this.history = requireNonNull(history, "history is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.fleet = requireNonNull(fleet, "fleet is null");
    }

    /**
     * @param node the node's id, or {@code CONTAINER/SERVICE} (e.g. {@code fleet-a/antnode3})
     * @param host the container's host ({@code host=}); null: the one host that has a container of that name
     * @throws BadRequestException when no such node is recorded, or the name is on several hosts and no host given
     */
    public ObjectNode readings(String node, String host, Instant since) {
        Node found = find(node, host).orElseThrow(() -> new BadRequestException(404, "no node '" + node + "' is recorded"));
        ObjectNode root = json.createObjectNode();
        root.put("node", found.id());
        root.put("service", found.service().value());
        root.put("since", since.toString());
        ArrayNode list = root.putArray("readings");
        for (NodeReadingSample s : nodes.readingsSince(found.id(), since)) {
            ObjectNode o = fleet.readings(s.readings());
            o.put("readAt", s.readAt().toString());
            list.add(o);
        }
        return root;
    }

    private Optional<Node> find(String node, String host) {
        if (node == null || node.isBlank()) {
            throw new BadRequestException(400, "give node=ID or node=CONTAINER/SERVICE");
        }
        int slash = node.indexOf('/');
        if (slash < 0) {
            long id;
            try {
                id = Long.parseLong(node);
            } catch (NumberFormatException e) {
                throw new BadRequestException(400, "node must be a number or CONTAINER/SERVICE, got '" + node + "'");
            }
            return nodes.findAll().stream().filter(n -> n.id() == id).findFirst();
        }
        String service = node.substring(slash + 1);
        if (!ServiceName.isValid(service)) {
            throw new BadRequestException(400, "'" + service + "' is not a service name like antnode3");
        }
        Container container = RequestedContainer.one(containers, host, node.substring(0, slash));
        return nodes.find(container.id(), new ServiceName(service));
    }

    public ObjectNode history(Instant since) {
        ObjectNode root = json.createObjectNode();
        root.put("since", since.toString());
        ArrayNode hosts = root.putArray("host");
        for (HostReading h : history.hostSince(since)) {
            ObjectNode o = hosts.addObject();
            o.put("readAt", h.readAt().toString());
            o.put("cpu", h.cpuPercent());
            o.put("mem", h.memPercent());
            o.put("disk", h.diskPercent());
            o.put("load1", h.load1());
            o.put("running", h.nodesRunning());
            o.put("stopped", h.nodesStopped());
            o.put("other", h.nodesOther());
        }
        ArrayNode totals = root.putArray("totals");
        for (FleetTotals t : history.totalsSince(since)) {
            ObjectNode o = totals.addObject();
            o.put("readAt", t.readAt().toString());
            o.put("nodes", t.nodes());
            o.put("records", t.records());
            o.put("connectedPeers", t.connectedPeers());
            o.put("rewards", t.rewards().toPlainString());
        }
        return root;
    }
}
