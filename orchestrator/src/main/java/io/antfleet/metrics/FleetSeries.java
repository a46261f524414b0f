package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-node, per-container and host series of {@code antfleet run --metrics-listen}, so that Grafana and
 * Prometheus alert rules need nothing else (examples/grafana, examples/prometheus): each labelled with the
 * host antfleet runs on. Replaced whole each cycle; thread safe.
 */
public final class FleetSeries {
    /** One node as the last cycle saw it; readings are null when it did not answer. */
    public record NodeSample(String container, String service, String status, Long records, Long connectedPeers,
            String rewards) {
        public NodeSample {
            requireNonNull(container, "container is null");
            requireNonNull(service, "service is null");
            requireNonNull(status, "status is null");
        }
    }

    /** A host resource (cpu, mem, disk, load1) with the autoscaler's add and remove thresholds. */
    public record Resource(String name, double value, double addBelow, double removeAbove) {
    }

    /** Rewards are a node's own text: only a plain decimal goes into the exposition. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("\\d{1,40}(\\.\\d{1,40})?");
    private final String host;
    private volatile List<NodeSample> nodes = List.of();
    private volatile Map<String, Boolean> containers = Map.of();
    private volatile List<Resource> resources = List.of();
    private volatile Optional<Boolean> upgradeHalted = Optional.empty();
    private volatile Optional<Boolean> leaseHeld = Optional.empty();
    private final LongAdder cycleFailures = new LongAdder();
    private final Map<String, LongAdder> restarts = new ConcurrentHashMap<>();

    public FleetSeries(String host) {
        this.host = requireNonNull(host, "host is null");
    }

    public void nodes(List<NodeSample> samples) {
        nodes = List.copyOf(samples);
    }

    /** Docker name → running. */
    public void containers(Map<String, Boolean> up) {
        containers = new TreeMap<>(up);
    }

    public void host(List<Resource> levels) {
        resources = List.copyOf(levels);
    }

    public void upgradeHalted(boolean halted) {
        upgradeHalted = Optional.of(halted);
    }

    public void leaseHeld(boolean held) {
        leaseHeld = Optional.of(held);
    }

    public void cycleFailed() {
        cycleFailures.increment();
    }

    /** A node restarted (its uptime went back) since the previous cycle. */
    public void restarted(String container, String service) {
        restarts.computeIfAbsent(container + "\u0000" + service, k -> new LongAdder()).increment();
    }

    void render(StringBuilder out) {
        String h = "host=\"" + FleetMetrics.escape(host) + "\"";
        header(out, "antfleet_node_up", "gauge", "1 when the node answered its metrics (RUNNING), else 0.");
        nodes.forEach(n -> line(out, "antfleet_node_up", node(h, n), "RUNNING".equals(n.status()) ? 1 : 0));
        header(out, "antfleet_node_status", "gauge", "1 for the node's current status.");
        nodes.forEach(n -> line(out, "antfleet_node_status", node(h, n) + ",status=\"" + n.status() + "\"", 1));
        header(out, "antfleet_node_records", "gauge", "Records the node stores.");
        nodes.stream().filter(n -> n.records() != null).forEach(n -> line(out, "antfleet_node_records", node(h, n), n.records()));
        header(out, "antfleet_node_connected_peers", "gauge", "Peers the node is connected to.");
        nodes.stream().filter(n -> n.connectedPeers() != null)
                .forEach(n -> line(out, "antfleet_node_connected_peers", node(h, n), n.connectedPeers()));
        header(out, "antfleet_node_rewards", "gauge", "Rewards the node reports.");
        nodes.stream().filter(n -> n.rewards() != null && DECIMAL.matcher(n.rewards()).matches()).forEach(n -> out.append("antfleet_node_rewards{").append(node(h, n))
                .append("} ").append(n.rewards()).append('\n'));
        header(out, "antfleet_node_restarts", "counter", "Times the node's uptime went back between cycles.");
        new TreeMap<>(restarts).forEach((k, v) -> {
            String[] cs = k.split("\u0000", 2);
            line(out, "antfleet_node_restarts_total", h + ",container=\"" + FleetMetrics.escape(cs[0]) + "\",service=\""
                    + FleetMetrics.escape(cs[1]) + "\"", v.sum());
        });
        header(out, "antfleet_container_up", "gauge", "1 when Docker lists the container running.");
        containers.forEach((c, up) -> line(out, "antfleet_container_up", h + ",container=\"" + FleetMetrics.escape(c) + "\"", up ? 1 : 0));
        renderHost(out, h);
    }

    private void renderHost(StringBuilder out, String h) {
        header(out, "antfleet_host_usage", "gauge", "Host resource: cpu, mem and disk in percent, load1 as the load average.");
        resources.forEach(r -> line(out, "antfleet_host_usage", h + ",resource=\"" + r.name() + "\"", r.value()));
        header(out, "antfleet_host_add_threshold", "gauge", "Nodes are added while the resource is below this.");
        resources.forEach(r -> line(out, "antfleet_host_add_threshold", h + ",resource=\"" + r.name() + "\"", r.addBelow()));
        header(out, "antfleet_host_remove_threshold", "gauge", "Nodes are removed while the resource is above this.");
        resources.forEach(r -> line(out, "antfleet_host_remove_threshold", h + ",resource=\"" + r.name() + "\"", r.removeAbove()));
        header(out, "antfleet_cycle_failures", "counter", "Run cycles that failed as a whole.");
        line(out, "antfleet_cycle_failures_total", h, cycleFailures.sum());
        header(out, "antfleet_upgrade_halted", "gauge", "1 while a rolling upgrade is halted by a failed node.");
        upgradeHalted.ifPresent(v -> line(out, "antfleet_upgrade_halted", h, v ? 1 : 0));
        header(out, "antfleet_lease_held", "gauge", "1 while run holds the database lease, 0 once it lost it.");
        leaseHeld.ifPresent(v -> line(out, "antfleet_lease_held", h, v ? 1 : 0));
    }

    private static String node(String h, NodeSample n) {
        return h + ",container=\"" + FleetMetrics.escape(n.container()) + "\",service=\"" + FleetMetrics.escape(n.service()) + "\"";
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void line(StringBuilder out, String name, String labels, double value) {
        out.append(name).append('{').append(labels).append("} ");
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(String.format(Locale.ROOT, "%.6f", value));
        }
        out.append('\n');
    }
}
