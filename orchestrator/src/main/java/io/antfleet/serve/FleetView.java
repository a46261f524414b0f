package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.config.settings.Settings;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.run.RunState;
import io.antfleet.engine.run.RunTarget;
import io.antfleet.engine.status.NodeJson;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.decide.ResourceLevels;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.HistoryLog;
import io.antfleet.store.HostReading;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/fleet}: the store's containers with their nodes and latest readings, in the shape of
 * {@code antfleet status --output json} (a {@code containers} array of {@code name}, {@code containerId},
 * {@code nodes}), plus what the overview shows: counts by status, the last host reading against the
 * autoscaler's thresholds, the node cap and whether the autoscaler is paused. Reads only the store.
 */
public final class FleetView {
    private final ContainerRepository containers;
    private final NodeRepository nodes;
    private final HistoryLog history;
    private final RunState state;
    private final Provider<SpecLoader> specLoader;
    private final Provider<Settings> settings;
    private final ObjectMapper json = new ObjectMapper();
    private String cachedVersion;
    private AutoscaleSettings cachedSettings;

    @Inject
    public FleetView(ContainerRepository containers, NodeRepository nodes, HistoryLog history, RunState state,
            Provider<SpecLoader> specLoader, Provider<Settings> settings) {
        this.specLoader = requireNonNull(specLoader, "specLoader is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.history = requireNonNull(history, "history is null");
        this.state = requireNonNull(state, "state is null");
    }

    public ObjectNode fleet() {
        Map<Long, List<Node>> byContainer = nodes.findAll().stream().filter(n -> n.containerId() != null)
                .collect(Collectors.groupingBy(Node::containerId));
        Map<Long, Instant> readAt = history.lastReadAt();
        ObjectNode root = json.createObjectNode();
        Map<NodeStatus, Integer> total = new EnumMap<>(NodeStatus.class);
        ArrayNode list = root.putArray("containers");
        for (Container c : containers.findAll()) {
            List<Node> own = byContainer.getOrDefault(c.id(), List.of());
            ObjectNode o = list.addObject();
            NodeJson.putContainer(o, c.name(), c.dockerId(), c.host());
            o.put("status", c.status());
            o.put("image", c.image());
            Map<NodeStatus, Integer> counts = counts(own);
            counts.forEach((s, n) -> total.merge(s, n, Integer::sum));
            o.set("counts", countsJson(counts));
            ArrayNode nodeList = o.putArray("nodes");
            own.forEach(n -> node(nodeList.addObject(), n, readAt.get(n.id())));
        }
        root.set("counts", countsJson(total));
        AutoscaleSettings settings = settings();
        root.put("nodeCap", settings.nodeCap());
        root.put("paused", state.paused());
        root.set("host", host(history.latestHost(), settings.levels()));
        return root;
    }

    private static Map<NodeStatus, Integer> counts(List<Node> own) {
        Map<NodeStatus, Integer> counts = new EnumMap<>(NodeStatus.class);
        own.forEach(n -> counts.merge(n.status(), 1, Integer::sum));
        return counts;
    }

    private ObjectNode countsJson(Map<NodeStatus, Integer> counts) {
        ObjectNode o = json.createObjectNode();
        counts.forEach((s, n) -> o.put(s.name(), n));
        return o;
    }

    /** The keys of {@code status --output json}, then the readings and when they were taken. */
    private void node(ObjectNode j, Node n, Instant readAt) {
        j.put("id", n.id());
        NodeJson.putRow(j, n);
        j.put("statusChangedAt", text(n.statusChangedAt()));
        j.put("readAt", text(readAt));
        j.set("readings", readings(n.readings()));
    }

    ObjectNode readings(NodeReadings r) {
        ObjectNode o = json.createObjectNode();
        o.put("uptimeSeconds", r.uptimeSeconds());
        o.put("records", r.records());
        o.put("relevantRecords", r.relevantRecords());
        o.put("connectedPeers", r.connectedPeers());
        o.put("rewards", r.rewards());
        o.put("memoryMb", r.memoryMb());
        o.put("cpuPercent", r.cpuPercent());
        o.put("shunned", r.shunned());
        o.put("estimatedNetworkSize", r.estimatedNetworkSize());
        return o;
    }

    private ObjectNode host(Optional<HostReading> latest, ResourceLevels levels) {
        ObjectNode o = json.createObjectNode();
        o.put("readAt", latest.map(h -> h.readAt().toString()).orElse(null));
        resource(o, "cpu", latest.map(HostReading::cpuPercent), levels.cpuLessThan(), levels.cpuRemove());
        resource(o, "mem", latest.map(HostReading::memPercent), levels.memLessThan(), levels.memRemove());
        resource(o, "disk", latest.map(HostReading::diskPercent), levels.hdLessThan(), levels.hdRemove());
        resource(o, "load", latest.map(HostReading::load1), levels.desiredLoadAverage(), levels.maxLoadAverageAllowed());
        return o;
    }

    /** {@code addBelow}: nodes are added while the value is under it; {@code removeAbove}: removed past it. */
    private static void resource(ObjectNode host, String name, Optional<Double> value, double addBelow, double removeAbove) {
        ObjectNode r = host.putObject(name);
        r.put("value", value.orElse(null));
        r.put("addBelow", addBelow);
        r.put("removeAbove", removeAbove);
    }

    /**
     * The autoscale settings of the spec {@code run} applied last (read again only when the file changed: the
     * page asks every few seconds); wnm's defaults before there is one.
     */
    synchronized AutoscaleSettings settings() {
        int cores = Runtime.getRuntime().availableProcessors();
        Optional<Path> spec = state.specPath();
        if (spec.isEmpty()) {
            return AutoscaleSettings.defaults(cores);
        }
        try {
            String version = spec.get() + " " + java.nio.file.Files.getLastModifiedTime(spec.get()).toMillis();
            if (!version.equals(cachedVersion)) {
                cachedSettings = RunTarget.of(specLoader.get().load(spec.get()), cores, settings.get()).settings();
                cachedVersion = version;
            }
            return cachedSettings;
        } catch (AntfleetException | java.io.IOException e) {
            // the spec moved or broke since run applied it: show the defaults rather than no overview
            return AutoscaleSettings.defaults(cores);
        }
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
