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
        StringBuilder out = new StringBuilder(PlanRenderer.human(report.plan(), report.hosts()));
        if (report.plan().isEmpty()) {
            unreachable(report, out);
            return out.toString();
        }
        out.append('\n');
        long failed = 0;
        for (ApplyReport.ContainerOutcome c : report.containers()) {
            String name = PlanRenderer.where(c.container(), report.hosts());
            if (c.error().isPresent()) {
                failed++;
                out.append(name).append(": FAILED: ").append(c.error().get()).append('\n');
            } else {
                out.append(name).append(": done (").append(String.join(", ", c.done())).append(")\n");
            }
        }
        unreachable(report, out);
        out.append(failed == 0 && report.unreachable().isEmpty() ? "Apply complete."
                : failed == 0 ? "Apply complete on the hosts that answered; re-run apply when the others do."
                : "Apply failed for " + failed + " of " + report.containers().size()
                + " container(s); re-run apply to converge.").append('\n');
        return out.toString();
    }

    /** Each host whose engine did not answer: nothing was planned or done there. */
    private static void unreachable(ApplyReport report, StringBuilder out) {
        report.unreachable().forEach(p -> out.append(p.host()).append(": FAILED: ").append(p.message())
                .append("; nothing was planned or changed there\n"));
    }

    /** {@code {"actions":[...], "containers":[{"name","host","ok","done","error"}], "unreachable":[{"host","message"}]}}. */
    public static String json(ApplyReport report) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(PlanRenderer.json(report.plan(), report.hosts()));
            ArrayNode containers = root.putArray("containers");
            for (ApplyReport.ContainerOutcome c : report.containers()) {
                ObjectNode o = containers.addObject();
                o.put("name", c.container());
                o.put("host", report.hosts().getOrDefault(c.container(), io.antfleet.fleet.spec.HostSpec.LOCAL));
                o.put("ok", c.error().isEmpty());
                ArrayNode done = o.putArray("done");
                c.done().forEach(done::add);
                if (c.error().isPresent()) {
                    o.put("error", c.error().get());
                } else {
                    o.putNull("error");
                }
            }
            ArrayNode down = root.putArray("unreachable");
            report.unreachable().forEach(p -> down.addObject().put("host", p.host()).put("message", p.message()));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serializes", e);
        }
    }
}
