package io.antfleet.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.plan.Plan;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a plan like {@code terraform plan} ({@code +} create/add, {@code ~} start/stop, {@code -} remove,
 * {@code !} what stays as it is, then a summary line) or as JSON
 * {@code {"actions":[{"type","container","count","services"}]}}, with {@code "notes":[...]} when there are any.
 */
public final class PlanRenderer {
    public static final String NO_CHANGES = "No changes. The fleet matches the spec.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanRenderer() {
    }

    public static String human(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (PlanStep a : plan.actions()) {
            out.append(line(a)).append('\n');
        }
        for (String name : plan.unmanaged()) {
            out.append("! container ").append(name).append(" is not in the spec; kept (--prune removes it)\n");
        }
        for (String note : plan.notes()) {
            out.append("! ").append(note).append('\n');
        }
        if (plan.isEmpty()) {
            out.append(NO_CHANGES).append('\n');
            return out.toString();
        }
        Plan.Summary s = plan.summary();
        out.append('\n').append("Plan: ").append(s.create()).append(" to create, ").append(s.add()).append(" to add, ")
                .append(s.start()).append(" to start, ").append(s.stop()).append(" to stop, ").append(s.remove())
                .append(" to remove.\n");
        return out.toString();
    }

    static String line(PlanStep a) {
        String c = a.container();
        if (a instanceof PlanStep.CreateContainer) {
            PlanStep.CreateContainer create = (PlanStep.CreateContainer) a;
            return "+ container " + c + " (create " + create.dockerName() + " from " + create.spec().image() + "; "
                    + ports(create.ports()) + ")";
        }
        if (a instanceof PlanStep.StartContainer) {
            return "~ container " + c + " (start)";
        }
        if (a instanceof PlanStep.AssignPorts) {
            return "~ container " + c + " (record " + ports(((PlanStep.AssignPorts) a).ports()) + ")";
        }
        if (a instanceof PlanStep.AddNodes) {
            return "+ " + c + ": add " + a.count() + (a.count() == 1 ? " node (" : " nodes (") + span(a.services()) + ")";
        }
        if (a instanceof PlanStep.StartNodes) {
            return "~ " + c + ": start " + names(a.services());
        }
        if (a instanceof PlanStep.StopNodes) {
            return "~ " + c + ": stop " + names(a.services());
        }
        if (a instanceof PlanStep.RemoveNodes) {
            return "- " + c + ": remove " + names(a.services());
        }
        return "- container " + c + " (remove)";
    }

    private static String ports(PortBlock p) {
        return "ports node " + p.node() + ", metrics " + p.metrics() + ", rpc " + p.rpc();
    }

    private static String span(List<ServiceName> services) {
        if (services.size() == 1) {
            return services.get(0).value();
        }
        return services.get(0).value() + ".." + services.get(services.size() - 1).value();
    }

    private static String names(List<ServiceName> services) {
        return services.stream().map(ServiceName::value).collect(Collectors.joining(", "));
    }

    /** {@code {"actions":[...]}}, an empty list when there is nothing to do. */
    public static String json(Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode actions = root.putArray("actions");
        for (PlanStep a : plan.actions()) {
            ObjectNode o = actions.addObject();
            o.put("type", a.type());
            o.put("container", a.container());
            o.put("count", a.count());
            ArrayNode services = o.putArray("services");
            a.services().forEach(s -> services.add(s.value()));
        }
        if (!plan.notes().isEmpty()) {
            ArrayNode notes = root.putArray("notes");
            plan.notes().forEach(notes::add);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan always serializes", e);
        }
    }
}
