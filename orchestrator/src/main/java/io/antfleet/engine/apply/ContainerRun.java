package io.antfleet.engine.apply;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerGateway;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.plan.ObservedContainer;
import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.spec.DockerNetwork;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.SpecContainer;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.RegisteredNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs one container's actions in order, each journaled before it runs, through the engine of the container's host;
 * the first failure ends this container's run (the others carry on). Afterwards the node manager's registry is
 * written to the node rows.
 */
final class ContainerRun {
    private final ApplyDeps deps;
    private final FleetSpec spec;
    private final String name;
    private final String host;
    private final DockerGateway docker;
    private final List<String> done = new ArrayList<>();
    private String dockerId;
    private String dockerName;
    private ProcessManager mode;
    private Optional<Container> row = Optional.empty();
    private Optional<PortBlock> labelledPorts = Optional.empty();
    private boolean gone;
    /** This run created the container (on a new volume): its registry starts empty. */
    private boolean created;
    /** The rows hold the registry as the last step left it (populate returned it): no survey needed. */
    private boolean recorded;

    ContainerRun(ApplyDeps deps, FleetSpec spec, String host, String name, Optional<ObservedContainer> seen) {
        this.deps = deps;
        this.spec = spec;
        this.name = name;
        this.host = host;
        this.docker = deps.docker().forHost(host);
        this.dockerName = spec.dockerName(name);
        this.mode = spec.container(name).map(SpecContainer::processManager).orElse(ProcessManager.ANTCTL_SUDO);
        seen.ifPresent(this::adopt);
    }

    private void adopt(ObservedContainer seen) {
        dockerId = seen.dockerId();
        Optional<ContainerInfo> info = docker.inspect(dockerId);
        info.ifPresent(i -> dockerName = i.name());
        row = deps.containers().findByDockerId(host, dockerId);
        labelledPorts = seen.ports();
        mode = info.map(i -> DockerFleetObserver.processManager(i, row)).orElse(mode);
    }

    ApplyReport.ContainerOutcome run(List<PlanStep> actions, ApplyProgress progress) {
        Optional<String> error = Optional.empty();
        for (PlanStep action : actions) {
            progress.started(action);
            try {
                List<String> touched = deps.lifecycle().change(action.type(), row.map(Container::id).orElse(null),
                        names(action.services()), () -> perform(action), t -> t, t -> recordStatus(action));
                progress.finished(action, true);
                done.add(action.type() + (touched.isEmpty() ? "" : " " + touched));
            } catch (AntfleetException | IllegalArgumentException e) {
                // the lifecycle has failed the step's journal entry
                progress.finished(action, false);
                error = Optional.of(action.type() + " failed: " + e.getMessage());
                break;
            }
        }
        try {
            recordNodes();
        } catch (AntfleetException e) {
            error = error.or(() -> Optional.of("recording nodes failed: " + e.getMessage()));
        }
        return new ApplyReport.ContainerOutcome(name, done, error);
    }

    private List<String> perform(PlanStep action) {
        recorded = false; // any step may change what the registry holds
        if (action instanceof PlanStep.CreateContainer) {
            return create((PlanStep.CreateContainer) action);
        }
        if (action instanceof PlanStep.StartContainer) {
            docker.start(dockerId);
            return List.of();
        }
        if (action instanceof PlanStep.AssignPorts) {
            Container r = ensureRow(((PlanStep.AssignPorts) action).ports());
            deps.containers().update(withPorts(r, ((PlanStep.AssignPorts) action).ports()));
            row = deps.containers().findById(r.id());
            return List.of();
        }
        if (action instanceof PlanStep.AddNodes) {
            return add((PlanStep.AddNodes) action);
        }
        if (action instanceof PlanStep.RemoveContainer) {
            docker.remove(dockerId, true);
            row.ifPresent(r -> deps.containers().delete(r.id()));
            gone = true;
            return List.of();
        }
        NodeManager manager = manager();
        if (action instanceof PlanStep.StartNodes) {
            manager.start(action.services());
        } else if (action instanceof PlanStep.StopNodes) {
            manager.stop(action.services());
        } else {
            manager.remove(action.services(), false);
        }
        return names(action.services());
    }

    /** A node step's effect on the rows, recorded with its journal entry (the registry is read at the end). */
    private void recordStatus(PlanStep step) {
        NodeStatus after = step instanceof PlanStep.StartNodes ? NodeStatus.RUNNING
                : step instanceof PlanStep.StopNodes ? NodeStatus.STOPPED
                : step instanceof PlanStep.RemoveNodes ? NodeStatus.DEAD : null;
        if (after == null || row.isEmpty()) {
            return;
        }
        Instant now = deps.clock().instant();
        for (ServiceName s : step.services()) {
            deps.nodes().find(row.get().id(), s).filter(n -> n.status() != after)
                    .ifPresent(n -> deps.nodes().updateStatus(n.id(), after, now));
        }
    }

    private List<String> create(PlanStep.CreateContainer create) {
        SpecContainer c = create.spec();
        mode = c.processManager();
        dockerName = create.dockerName();
        Map<String, String> labels = Map.of(FleetLabels.FLEET, spec.fleet(), FleetLabels.CONTAINER, c.name(),
                FleetLabels.PROCESS_MANAGER, mode.label(), FleetLabels.PORT_BLOCK, FleetLabels.encode(create.ports()));
        // The registry and node data live in a volume so they outlive the container: /var/antctl for
        // root's system-wide registry, the image user's home for user mode.
        String mount = mode.runsAsRoot() ? "/var/antctl" : "/home/ant";
        Double cpus = c.limits().cpus().isPresent() ? c.limits().cpus().getAsDouble() : null;
        // host networking unless the spec names a Docker network with a fixed address (ant containers only)
        String network = c.dockerNetwork().map(DockerNetwork::name).orElse("host");
        dockerId = docker.createAndStart(new ContainerSpec(dockerName, c.image(), labels, network,
                dockerName + "-data", mount, cpus, c.limits().memoryBytes().orElse(null),
                c.dockerNetwork().map(DockerNetwork::ipv4).orElse(null), c.dockerNetwork().map(DockerNetwork::ipv6).orElse(null)));
        created = true;
        Instant now = deps.clock().instant();
        row = Optional.of(deps.containers().insert(new Container(null, dockerId, dockerName, c.image(), "running", network,
                mode, create.ports(), now, now, host)));
        return List.of(dockerId);
    }

    /**
     * Adds the batches, then starts them. Into a container this run created, the node manager populates it in
     * one go ({@link NodeManager#populate}): what it returns is the registry, written to the rows at once, so
     * the survey at the end is not needed unless a later step changes nodes again.
     */
    private List<String> add(PlanStep.AddNodes add) {
        SpecContainer c = spec.container(name).orElseThrow(() -> new AntfleetException("container " + name + " is not in the spec"));
        Container r = ensureRow(null);
        NodeManager manager = manager();
        List<AddNodesRequest> requests = new ArrayList<>();
        for (AddBatches.Call call : AddBatches.split(add.batches(), c.rewardsAddress(), deps.wallets())) {
            requests.add(new AddNodesRequest(call.count(), path(c), version(c), call.node(), call.metrics(), call.rpc(),
                    c.noUpnp(), call.wallet(), c.network()));
        }
        List<ServiceName> added = new ArrayList<>();
        if (created) {
            List<? extends RegisteredNode> registry = manager.populate(requests, fresh -> {
                writeRows(r, fresh);
                fresh.forEach(n -> added.add(n.service()));
            });
            writeRows(r, registry);
            recorded = true;
            return names(added);
        }
        for (AddNodesRequest request : requests) {
            manager.add(request, fresh -> writeRows(r, fresh)).forEach(n -> added.add(n.service()));
        }
        if (!added.isEmpty()) {
            manager.start(added);
        }
        return names(added);
    }

    private static String path(SpecContainer c) {
        return c.antnode() instanceof io.antfleet.fleet.spec.AntnodeSource.Path
                ? ((io.antfleet.fleet.spec.AntnodeSource.Path) c.antnode()).path() : null;
    }

    private static String version(SpecContainer c) {
        return c.antnode() instanceof io.antfleet.fleet.spec.AntnodeSource.Version
                ? ((io.antfleet.fleet.spec.AntnodeSource.Version) c.antnode()).version() : null;
    }

    /**
     * The container's row, written now if it has none (a container created before a crash, or never imported),
     * with the given block or else the one its label carries: an apply killed between creating the container
     * and writing its row must not leave a row without ports.
     */
    private Container ensureRow(PortBlock ports) {
        if (row.isEmpty()) {
            Instant now = deps.clock().instant();
            row = Optional.of(deps.containers().insert(new Container(null, dockerId, dockerName,
                    spec.container(name).map(SpecContainer::image).orElse(null), "running", "host", mode,
                    ports != null ? ports : labelledPorts.orElse(null), now, now, host)));
        }
        return row.get();
    }

    private static Container withPorts(Container r, PortBlock ports) {
        return new Container(r.id(), r.dockerId(), r.name(), r.image(), r.status(), r.networkMode(), r.processManager(),
                ports, r.createdAt(), r.updatedAt(), r.host());
    }

    private NodeManager manager() {
        return deps.managers().forContainer(host, dockerId, dockerName, mode);
    }

    /**
     * For a running container the plan leaves alone: writes antctl's registry to the rows when they lag
     * behind it, as an apply killed after antctl acted but before the rows were written leaves them; the
     * plan is empty then (antctl's registry is the truth it is made from), so nothing else would.
     *
     * @return an error, or empty when the rows are (now) up to date
     */
    static Optional<String> recordIfBehind(ApplyDeps deps, FleetSpec spec, String host, ObservedContainer seen) {
        if (!seen.running() || seen.nodes().stream().anyMatch(n -> n.status() == NodeStatus.UNKNOWN)
                || upToDate(deps, deps.containers().findByDockerId(host, seen.dockerId()), seen)) {
            return Optional.empty();
        }
        try {
            ContainerRun run = new ContainerRun(deps, spec, host, seen.name(), Optional.of(seen));
            run.ensureRow(null);
            run.recordNodes();
            return Optional.empty();
        } catch (AntfleetException e) {
            return Optional.of("recording nodes failed: " + e.getMessage());
        }
    }

    /**
     * Whether every node antctl lists has its row, with antctl's status and version (a version that moved
     * without antfleet is recorded by the write, {@link io.antfleet.engine.VersionChanges}).
     */
    private static boolean upToDate(ApplyDeps deps, Optional<Container> row, ObservedContainer seen) {
        if (row.isEmpty()) {
            return seen.nodes().isEmpty();
        }
        Map<ServiceName, Node> recorded = deps.nodes().findByContainer(row.get().id()).stream()
                .collect(Collectors.toMap(Node::service, n -> n, (a, b) -> a));
        return seen.nodes().stream().allMatch(n -> recorded.containsKey(n.service())
                && n.status() == recorded.get(n.service()).status()
                && java.util.Objects.equals(n.version(), recorded.get(n.service()).version()));
    }

    /**
     * After the run: antctl's registry, as it now is, into the node rows (an operator's DISABLED kept), unless the
     * last step left them so already.
     */
    private void recordNodes() {
        if (gone || recorded || dockerId == null || row.isEmpty()) {
            return;
        }
        writeRows(row.get(), manager().survey());
    }

    private void writeRows(Container container, List<? extends RegisteredNode> surveyed) {
        deps.lifecycle().record(container, surveyed);
    }

    private static List<String> names(List<ServiceName> services) {
        return services.stream().map(ServiceName::value).collect(Collectors.toList());
    }
}
