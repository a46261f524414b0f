package io.antfleet.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.fleet.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a plan like {@code terraform plan} ({@code +} create/add, {@code ~} start/stop, {@code -} remove,
 * {@code !} what stays as it is, then a summary line) or as JSON
 * {@code {"actions":[{"type","container","host","count","services"}]}}, with {@code "notes":[...]} when there are
 * any. A container on another host than the local engine is named {@code HOST/NAME}.
 */
public final class PlanRenderer {
    public static final String NO_CHANGES = "No changes. The fleet matches the spec.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanRenderer() {
    }

    public static String human(Plan plan) {
        return human(plan, Map.of());
    }

    /** With each container named with its host ({@code hosts}: container to host; absent is the local engine). */
    public static String human(Plan plan, Map<String, String> hosts) {
        StringBuilder out = new StringBuilder();
        for (PlanStep a : plan.actions()) {
            out.append(line(a, where(a.container(), hosts))).append('\n');
        }
        for (String name : plan.unmanaged()) {
            out.append("! container ").append(where(name, hosts)).append(" is not in the spec; kept (--prune removes it)\n");
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
        return line(a, a.container());
    }

    /** {@code c}: how the line names the container (with its host when that is not the local engine). */
    static String line(PlanStep a, String c) {
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

    static String where(String container, Map<String, String> hosts) {
        return HostNames.qualified(container, hosts.getOrDefault(container, HostSpec.LOCAL));
    }

    /** {@code {"actions":[...]}}, an empty list when there is nothing to do. */
    public static String json(Plan plan) {
        return json(plan, Map.of());
    }

    /** As {@link #json(Plan)}, each action with the {@code host} of its container. */
    public static String json(Plan plan, Map<String, String> hosts) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode actions = root.putArray("actions");
        for (PlanStep a : plan.actions()) {
            ObjectNode o = actions.addObject();
            o.put("type", a.type());
            o.put("container", a.container());
            o.put("host", hosts.getOrDefault(a.container(), HostSpec.LOCAL));
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
