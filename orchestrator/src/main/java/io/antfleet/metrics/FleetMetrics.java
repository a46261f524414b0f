package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * antfleet's own metrics for Prometheus: nodes by container and status, the run loop's cycle duration,
 * decisions by action, antctl calls with their latency and errors. Rendered as OpenMetrics text.
 * Thread-safe: the run loop, the executor and the HTTP exporter use it at once.
 */
public final class FleetMetrics {
    private volatile Map<String, Map<NodeStatus, Integer>> nodes = Map.of();
    private volatile double lastCycleSeconds = Double.NaN;
    private final LongAdder cycles = new LongAdder();
    private final DoubleAdder cycleSecondsSum = new DoubleAdder();
    private final Map<Action, LongAdder> actions = new ConcurrentHashMap<>();
    private final Map<String, Call> antctlCalls = new ConcurrentHashMap<>();
    private final FleetSeries series;

    public FleetMetrics() {
        this(LocalHost.name());
    }

    /** @param host the host label of the per-node and host series */
    public FleetMetrics(String host) {
        this.series = new FleetSeries(host);
    }

    /** The per-node, per-container and host series, set by the run loop each cycle. */
    public FleetSeries series() {
        return series;
    }

    /** Replaces the node counts: container → status → number of nodes. */
    public void nodes(Map<String, Map<NodeStatus, Integer>> byContainer) {
        Map<String, Map<NodeStatus, Integer>> copy = new TreeMap<>();
        byContainer.forEach((c, m) -> copy.put(requireNonNull(c, "container is null"), Map.copyOf(m)));
        this.nodes = copy;
    }

    public void cycle(Duration took) {
        double seconds = took.toNanos() / 1e9;
        lastCycleSeconds = seconds;
        cycles.increment();
        cycleSecondsSum.add(seconds);
    }

    /** Counts decisions by action (an ADD of 3 counts 3, a STOP of 2 services counts 2; SURVEY counts 1). */
    public void decisions(List<Decision> decisions) {
        for (Decision d : decisions) {
            int n = d.action() == Action.ADD ? d.count() : Math.max(1, d.services().size());
            actions.computeIfAbsent(d.action(), a -> new LongAdder()).add(n);
        }
    }

    public void antctlCall(String command, Duration took, boolean failed) {
        Call call = antctlCalls.computeIfAbsent(requireNonNull(command, "command is null"), c -> new Call());
        call.count.increment();
        call.seconds.add(took.toNanos() / 1e9);
        if (failed) {
            call.errors.increment();
        }
    }

    public String render() {
        StringBuilder out = new StringBuilder(1024);
        out.append("# HELP antfleet_nodes Nodes by container and status.\n# TYPE antfleet_nodes gauge\n");
        nodes.forEach((container, byStatus) -> new TreeMap<>(byStatus).forEach((status, n) ->
                out.append("antfleet_nodes{container=\"").append(escape(container)).append("\",status=\"")
                        .append(status.name()).append("\"} ").append(n).append('\n')));
        out.append("# HELP antfleet_cycle_duration_seconds Duration of the run loop's cycles.\n")
                .append("# TYPE antfleet_cycle_duration_seconds summary\n# UNIT antfleet_cycle_duration_seconds seconds\n")
                .append("antfleet_cycle_duration_seconds_count ").append(cycles.sum()).append('\n')
                .append("antfleet_cycle_duration_seconds_sum ").append(number(cycleSecondsSum.sum())).append('\n');
        out.append("# HELP antfleet_last_cycle_duration_seconds Duration of the last cycle.\n")
                .append("# TYPE antfleet_last_cycle_duration_seconds gauge\n")
                .append("antfleet_last_cycle_duration_seconds ").append(number(lastCycleSeconds)).append('\n');
        out.append("# HELP antfleet_actions Decisions taken, by action.\n# TYPE antfleet_actions counter\n");
        new TreeMap<>(actions).forEach((a, n) ->
                out.append("antfleet_actions_total{action=\"").append(a.name()).append("\"} ").append(n.sum()).append('\n'));
        renderCalls(out);
        series.render(out);
        return out.append("# EOF\n").toString();
    }

    private void renderCalls(StringBuilder out) {
        Map<String, Call> calls = new TreeMap<>(antctlCalls);
        out.append("# HELP antfleet_antctl_call_duration_seconds antctl calls and their latency, by command.\n")
                .append("# TYPE antfleet_antctl_call_duration_seconds summary\n# UNIT antfleet_antctl_call_duration_seconds seconds\n");
        calls.forEach((cmd, c) -> out.append("antfleet_antctl_call_duration_seconds_count{command=\"").append(escape(cmd))
                .append("\"} ").append(c.count.sum()).append("\nantfleet_antctl_call_duration_seconds_sum{command=\"")
                .append(escape(cmd)).append("\"} ").append(number(c.seconds.sum())).append('\n'));
        out.append("# HELP antfleet_antctl_call_errors antctl calls that failed, by command.\n")
                .append("# TYPE antfleet_antctl_call_errors counter\n");
        calls.forEach((cmd, c) -> out.append("antfleet_antctl_call_errors_total{command=\"").append(escape(cmd))
                .append("\"} ").append(c.errors.sum()).append('\n'));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** OpenMetrics label escaping: backslash, double quote, newline. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class Call {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final DoubleAdder seconds = new DoubleAdder();
    }
}
