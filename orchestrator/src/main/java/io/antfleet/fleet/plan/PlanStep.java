package io.antfleet.fleet.plan;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.spec.SpecContainer;
import java.util.List;

/**
 * One step of a plan, on one container (named as in the spec, not Docker's name). {@link #type()},
 * {@link #count()} and {@link #services()} are what {@code --dry-run --output json} prints.
 */
public sealed interface PlanStep permits PlanStep.CreateContainer, PlanStep.StartContainer, PlanStep.AssignPorts,
        PlanStep.AddNodes, PlanStep.StartNodes, PlanStep.StopNodes, PlanStep.RemoveNodes, PlanStep.RemoveContainer {

    String container();

    /** A stable kebab-case name, e.g. {@code add-nodes}. */
    String type();

    /** How many nodes (or containers) it touches; by default, the services it targets. */
    default int count() {
        return services().size();
    }

    /** The services it targets; for an add, the names antctl is expected to give. */
    List<ServiceName> services();

    /** Creates and starts the container with its port block; antfleet labels it and records its id. */
    record CreateContainer(SpecContainer spec, String dockerName, PortBlock ports) implements PlanStep {
        public CreateContainer {
            requireNonNull(spec, "spec is null");
            requireNonNull(dockerName, "dockerName is null");
            requireNonNull(ports, "ports is null");
        }

        @Override
        public String container() {
            return spec.name();
        }

        @Override
        public String type() {
            return "create-container";
        }

        @Override
        public int count() {
            return 1;
        }

        @Override
        public List<ServiceName> services() {
            return List.of();
        }
    }

    /** Starts a container Docker has stopped (its nodes are then started by StartNodes). */
    record StartContainer(String container, String dockerId) implements PlanStep {
        public StartContainer {
            requireNonNull(container, "container is null");
            requireNonNull(dockerId, "dockerId is null");
        }

        @Override
        public String type() {
            return "start-container";
        }

        @Override
        public int count() {
            return 1;
        }

        @Override
        public List<ServiceName> services() {
            return List.of();
        }
    }

    /** Records a port block for a container that has none (an imported one) before nodes are added to it. */
    record AssignPorts(String container, PortBlock ports) implements PlanStep {
        public AssignPorts {
            requireNonNull(container, "container is null");
            requireNonNull(ports, "ports is null");
        }

        @Override
        public String type() {
            return "assign-ports";
        }

        @Override
        public int count() {
            return 0;
        }

        @Override
        public List<ServiceName> services() {
            return List.of();
        }
    }

    /**
     * Adds {@code count} nodes in one antctl call per batch, then starts them (antctl add does not).
     * {@code expected} are the names antctl will give if nothing else adds meanwhile; the executor
     * takes the real ones from antctl.
     */
    record AddNodes(String container, int count, List<PortBatch> batches, List<ServiceName> expected) implements PlanStep {
        public AddNodes {
            requireNonNull(container, "container is null");
            batches = List.copyOf(batches);
            expected = List.copyOf(expected);
            if (count < 1 || batches.stream().mapToInt(PortBatch::count).sum() != count || expected.size() != count) {
                throw new IllegalArgumentException("add of " + count + " nodes to '" + container
                        + "' needs batches and expected names for exactly " + count);
            }
        }

        @Override
        public String type() {
            return "add-nodes";
        }

        @Override
        public List<ServiceName> services() {
            return expected;
        }
    }

    record StartNodes(String container, List<ServiceName> services) implements PlanStep {
        public StartNodes {
            requireNonNull(container, "container is null");
            services = nonEmpty(services, container);
        }

        @Override
        public String type() {
            return "start-nodes";
        }
    }

    record StopNodes(String container, List<ServiceName> services) implements PlanStep {
        public StopNodes {
            requireNonNull(container, "container is null");
            services = nonEmpty(services, container);
        }

        @Override
        public String type() {
            return "stop-nodes";
        }
    }

    /** antctl remove: the nodes must be stopped; their registry entries stay (Removed) and keep their ports. */
    record RemoveNodes(String container, List<ServiceName> services) implements PlanStep {
        public RemoveNodes {
            requireNonNull(container, "container is null");
            services = nonEmpty(services, container);
        }

        @Override
        public String type() {
            return "remove-nodes";
        }
    }

    /** Removes a container dropped from the spec (only with --prune), after its nodes were removed. */
    record RemoveContainer(String container, String dockerId) implements PlanStep {
        public RemoveContainer {
            requireNonNull(container, "container is null");
            requireNonNull(dockerId, "dockerId is null");
        }

        @Override
        public String type() {
            return "remove-container";
        }

        @Override
        public int count() {
            return 1;
        }

        @Override
        public List<ServiceName> services() {
            return List.of();
        }
    }

    private static List<ServiceName> nonEmpty(List<ServiceName> services, String container) {
        List<ServiceName> copy = List.copyOf(services);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("an action on '" + container + "' needs at least one service");
        }
        return copy;
    }
}
