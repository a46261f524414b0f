package io.antfleet.fleet.plan;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.decide.Versions;
import io.antfleet.fleet.spec.AntnodeSource;
import io.antfleet.fleet.spec.SpecContainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The pure planner of {@code antfleet apply}: desired spec + observed fleet → plan. No I/O; planning
 * the state a plan produces gives an empty plan. Spec containers are planned in spec order, then
 * containers dropped from the spec (removed only with prune). See {@link NodeCountRule} for counts.
 */
public final class FleetPlanner {
    private final Supplier<AddressLimit> addressLimit;

    public FleetPlanner() {
        this(new AddressLimit(AddressLimit.DEFAULT));
    }

    public FleetPlanner(AddressLimit addressLimit) {
        this(() -> addressLimit);
        requireNonNull(addressLimit, "addressLimit is null");
    }

    /** The limit is read when a plan is made (settings may live in the database, opened only then). */
    public FleetPlanner(Supplier<AddressLimit> addressLimit) {
        this.addressLimit = requireNonNull(addressLimit, "addressLimit is null");
    }

    /**
     * @throws io.antfleet.fleet.AntfleetException when a container's ports cannot be found (block space
     *     used up, or a block with too few free ports for the nodes to add)
     * @throws AddressLimit.AddressLimitException when the spec puts more v2 nodes behind one address than
     *     {@code max-nodes-per-address} (nothing is planned)
     */
    public Plan plan(FleetSpec desired, ObservedFleet actual, boolean prune) {
        requireNonNull(desired, "desired is null");
        requireNonNull(actual, "actual is null");
        Map<String, PortBlock> recorded = new LinkedHashMap<>();
        actual.containers().forEach(c -> c.ports().ifPresent(p -> recorded.put(c.name(), p)));
        List<String> specOrder = desired.containers().stream().map(SpecContainer::name).collect(Collectors.toList());
        refuseTakenNames(desired, actual);
        checkAddresses(desired);
        Map<String, PortBlock> blocks = PortAllocator.assignBlocks(desired.ports(), specOrder, recorded,
                actual.neighbours().blocks());

        List<PlanStep> actions = new ArrayList<>();
        for (SpecContainer wanted : desired.containers()) {
            actions.addAll(planContainer(desired, wanted, actual.container(wanted.name()), blocks.get(wanted.name())));
        }
        List<String> unmanaged = new ArrayList<>();
        for (ObservedContainer extra : actual.containers()) {
            if (desired.container(extra.name()).isPresent()) {
                continue;
            }
            if (prune) {
                actions.addAll(prune(extra));
            } else {
                unmanaged.add(extra.name());
            }
        }
        return new Plan(actions, unmanaged, aheadOfPin(desired, actual));
    }

    /**
     * Nodes whose antnode moved ahead of the version their container pins (a self-upgrade, ant-node
     * src/bin/antnode/main.rs:491-545): kept, never downgraded, and said so.
     */
    static List<String> aheadOfPin(FleetSpec desired, ObservedFleet actual) {
        List<String> notes = new ArrayList<>();
        for (SpecContainer wanted : desired.containers()) {
            if (!(wanted.antnode() instanceof AntnodeSource.Version)) {
                continue;
            }
            String pin = ((AntnodeSource.Version) wanted.antnode()).version();
            actual.container(wanted.name()).ifPresent(seen -> seen.nodes().stream()
                    .filter(n -> n.status() != NodeStatus.DEAD && Versions.isVersion(n.version())
                            && Versions.compare(n.version(), pin) > 0)
                    .forEach(n -> notes.add(wanted.name() + "/" + n.service().value() + " runs " + n.version()
                            + ", ahead of the spec's antnode " + pin + ": kept (antfleet never downgrades a node)")));
        }
        return notes;
    }

    /**
     * A container to create whose Docker name another fleet's (or an imported) container holds: Docker would refuse
     * it halfway through the apply, so the whole plan is refused, naming both.
     */
    private static void refuseTakenNames(FleetSpec desired, ObservedFleet actual) {
        List<String> clashes = new ArrayList<>();
        for (SpecContainer wanted : desired.containers()) {
            String dockerName = desired.dockerName(wanted.name());
            String holder = actual.neighbours().dockerNames().get(dockerName);
            if (holder != null && actual.container(wanted.name()).isEmpty()) {
                clashes.add("container '" + wanted.name() + "' of fleet '" + desired.fleet() + "' would be named '" + dockerName
                        + "', which is the name of " + holder);
            }
        }
        if (!clashes.isEmpty()) {
            throw new NameTakenException(String.join("; ", clashes) + "; rename the container or the fleet (nothing was changed)");
        }
    }

    /**
     * @throws AddressLimit.AddressLimitException when the spec puts more v2 nodes behind one address than
     *     {@code max-nodes-per-address}; {@code run} checks this before its first cycle too
     */
    public void checkAddresses(FleetSpec desired) {
        addressLimit.get().check(placements(desired));
    }

    /**
     * The v2 containers and the public address their nodes reach the network from: their Docker network's fixed
     * address, else the host's. Counted at the upper bound of their node count, the most {@code run} may reach.
     * antctl containers (the legacy network, which has no such limit) are not counted.
     */
    static List<AddressLimit.Placement> placements(FleetSpec desired) {
        List<AddressLimit.Placement> placements = new ArrayList<>();
        for (SpecContainer c : desired.containers()) {
            boolean v2 = c.dockerNetwork().isPresent() || !c.processManager().isAntctl();
            if (v2) {
                String address = c.dockerNetwork().map(n -> n.addressKey()).orElse(AddressLimit.HOST);
                placements.add(new AddressLimit.Placement(c.name(), address, c.nodes().upperBound()));
            }
        }
        return placements;
    }

    private List<PlanStep> planContainer(FleetSpec spec, SpecContainer wanted, Optional<ObservedContainer> seen, PortBlock block) {
        List<PlanStep> actions = new ArrayList<>();
        NodeCountRule.ObservedContainerState state;
        if (seen.isEmpty()) {
            actions.add(new PlanStep.CreateContainer(wanted, spec.dockerName(wanted.name()), block));
            state = new NodeCountRule.ObservedContainerState(List.of(), true, block, 1, wanted.processManager().servicePrefix());
        } else {
            ObservedContainer c = seen.get();
            if (!c.running()) {
                actions.add(new PlanStep.StartContainer(c.name(), c.dockerId()));
            }
            if (c.ports().isEmpty()) {
                actions.add(new PlanStep.AssignPorts(c.name(), block));
            }
            state = new NodeCountRule.ObservedContainerState(c.nodes(), c.running(), block, c.nextNumber(),
                    wanted.processManager().servicePrefix());
        }
        actions.addAll(NodeCountRule.actions(wanted.name(), wanted.nodes(), state));
        return actions;
    }

    /** Nodes stopped and removed through antctl first, so nothing is left running when the container goes. */
    private static List<PlanStep> prune(ObservedContainer extra) {
        List<PlanStep> actions = new ArrayList<>();
        if (extra.running()) {
            List<ServiceName> running = names(extra.nodes(), n -> n.status() != NodeStatus.STOPPED
                    && n.status() != NodeStatus.DEAD && n.status() != NodeStatus.REMOVING);
            List<ServiceName> live = names(extra.nodes(), n -> n.status() != NodeStatus.DEAD);
            if (!running.isEmpty()) {
                actions.add(new PlanStep.StopNodes(extra.name(), running));
            }
            if (!live.isEmpty()) {
                actions.add(new PlanStep.RemoveNodes(extra.name(), live));
            }
        }
        actions.add(new PlanStep.RemoveContainer(extra.name(), extra.dockerId()));
        return actions;
    }

    private static List<ServiceName> names(List<Node> nodes, java.util.function.Predicate<Node> which) {
        return nodes.stream().filter(which).sorted(Comparator.comparingInt(Node::number).reversed())
                .map(Node::service).collect(Collectors.toList());
    }
}
