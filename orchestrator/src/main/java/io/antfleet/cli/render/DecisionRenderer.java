package io.antfleet.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.engine.run.CycleFailure;
import io.antfleet.engine.run.CycleReport;
import io.antfleet.engine.run.ExecutionReport;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run cycle's decisions for people (a header, one line per decision with its reason and outcome) or as
 * JSON lines, one object per decision: {@code {"action","container","services","reason"}} (plus
 * {@code count} for ADD and {@code error} when carrying it out failed); then, when Docker could not be asked,
 * {@code {"docker":"unreachable","error"}}, for each container that is down {@code {"container","docker":"not
 * running"}} (or {@code "missing from Docker"}), and one {@code {"note"}} per note. A cycle that failed as a whole is one line:
 * {@code {"cycle","error","retryInMillis"}}.
 */
public final class DecisionRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionRenderer() {
    }

    public static String human(CycleReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cycle %s: host cpu %.1f%% mem %.1f%% disk %.1f%% load %.2f/%.2f/%.2f; "
                + "%d of %d nodes answered their metrics%s%n", r.at(), r.sample().cpuPercent(), r.sample().memPercent(),
                r.sample().diskPercent(), r.sample().load1(), r.sample().load5(), r.sample().load15(), r.answering(),
                r.swept(), r.execution().isEmpty() ? " (dry run: nothing carried out)" : ""));
        for (Decision d : r.decisions().list()) {
            out.append("  ").append(d.action()).append(' ').append(target(d)).append(": ").append(d.reason());
            error(r, d).ifPresent(e -> out.append(" [FAILED: ").append(e).append(']'));
            out.append(System.lineSeparator());
        }
        r.notes().forEach(n -> out.append("  note: ").append(n).append(System.lineSeparator()));
        return out.toString();
    }

    public static String json(CycleReport r) {
        StringBuilder out = new StringBuilder();
        for (Decision d : r.decisions().list()) {
            ObjectNode o = JSON.createObjectNode();
            o.put("action", d.action().name());
            o.put("container", d.container());
            ArrayNode services = o.putArray("services");
            d.services().stream().map(ServiceName::value).forEach(services::add);
            o.put("reason", d.reason());
            if (d.action() == Action.ADD) {
                o.put("count", d.count());
            }
            error(r, d).ifPresent(e -> o.put("error", e));
            out.append(o.toString()).append('\n');
        }
        r.docker().unreachable().ifPresent(e -> out.append(JSON.createObjectNode().put("docker", "unreachable")
                .put("error", e).toString()).append('\n'));
        new TreeMap<>(r.docker().down()).forEach((c, state) -> out.append(JSON.createObjectNode()
                .put("container", c).put("docker", state).toString()).append('\n'));
        r.notes().forEach(n -> out.append(JSON.createObjectNode().put("note", n).toString()).append('\n'));
        return out.toString();
    }

    /** A failed cycle on one line: {@code cycle AT failed: ERROR; retrying in N ms}. */
    public static String human(CycleFailure f) {
        return "cycle " + f.at() + " failed: " + f.error()
                + (f.retryIn().isZero() ? "" : "; retrying in " + f.retryIn().toMillis() + " ms");
    }

    /** A failed cycle as one JSON line: {@code {"cycle","error","retryInMillis"}}. */
    public static String json(CycleFailure f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("cycle", f.at().toString());
        o.put("error", f.error());
        o.put("retryInMillis", f.retryIn().toMillis());
        return o.toString() + '\n';
    }

    private static String target(Decision d) {
        if (d.action() == Action.ADD) {
            return d.container() + " +" + d.count();
        }
        return d.container() == null ? "fleet" : d.container() + " " + d.services().stream().map(ServiceName::value).toList();
    }

    private static Optional<String> error(CycleReport r, Decision d) {
        return r.execution().flatMap(e -> e.outcomes().stream().filter(o -> o.decision() == d).findFirst())
                .flatMap(ExecutionReport.Outcome::error);
    }
}
