package io.antfleet.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.engine.apply.ApplyReport;

/** Prints what an apply did: the plan, then one line per container (done, or what failed). */
public final class ApplyReportRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplyReportRenderer() {
    }

    public static String human(ApplyReport report) {
        StringBuilder out = new StringBuilder(PlanRenderer.human(report.plan()));
        if (report.plan().isEmpty()) {
            return out.toString();
        }
        out.append('\n');
        long failed = 0;
        for (ApplyReport.ContainerOutcome c : report.containers()) {
            if (c.error().isPresent()) {
                failed++;
                out.append(c.container()).append(": FAILED: ").append(c.error().get()).append('\n');
            } else {
                out.append(c.container()).append(": done (").append(String.join(", ", c.done())).append(")\n");
            }
        }
        out.append(failed == 0 ? "Apply complete." : "Apply failed for " + failed + " of " + report.containers().size()
                + " container(s); re-run apply to converge.").append('\n');
        return out.toString();
    }

    /** {@code {"actions":[...], "containers":[{"name","ok","done","error"}]}}. */
    public static String json(ApplyReport report) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(PlanRenderer.json(report.plan()));
            ArrayNode containers = root.putArray("containers");
            for (ApplyReport.ContainerOutcome c : report.containers()) {
                ObjectNode o = containers.addObject();
                o.put("name", c.container());
                o.put("ok", c.error().isEmpty());
                ArrayNode done = o.putArray("done");
                c.done().forEach(done::add);
                if (c.error().isPresent()) {
                    o.put("error", c.error().get());
                } else {
                    o.putNull("error");
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serializes", e);
        }
    }
}
