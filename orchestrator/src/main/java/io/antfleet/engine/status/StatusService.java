package io.antfleet.engine.status;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.engine.ContainerSelection;
import io.antfleet.engine.FleetEngines;
import io.antfleet.engine.KnownContainers;
import io.antfleet.engine.VersionChanges;
import io.antfleet.engine.apply.DockerFleetObserver;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.nodemanager.RegistryRows;
import io.antfleet.nodemanager.VersionChange;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the fleet for {@code antfleet status}: every container antfleet knows on every host (labelled
 * antfleet.fleet, or recorded by an import), its node manager's survey in each running one (through its host's
 * engine), and the store's rows for readings (peers, records, uptime, when read). An engine that does not answer is
 * reported for its host; the other hosts are shown. Changes nothing.
 */
public final class StatusService {
    private final FleetEngines engines;
    private final NodeManagers managers;
    private final ContainerRepository containers;
    private final NodeRepository nodes;
    private final VersionChanges versions;

    @Inject
    public StatusService(FleetEngines engines, NodeManagers managers, ContainerRepository containers,
            NodeRepository nodes, VersionChanges versions) {
        this.versions = requireNonNull(versions, "versions is null");
        this.engines = requireNonNull(engines, "engines is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
    }

    /** @param only a container's Docker name, id or antfleet.container label; empty for all */
    public FleetStatus status(Optional<String> only) {
        return status(only, Optional.empty());
    }

    /**
     * Every container antfleet knows ({@link KnownContainers}: labelled ones and imported unlabelled ones),
     * or the one {@code only} names ({@link ContainerSelection}), in {@code fleet} when given.
     */
    public FleetStatus status(Optional<String> only, Optional<String> fleet) {
        return status(only, fleet, Optional.empty());
    }

    /** As {@link #status(Optional, Optional)}, on the one host {@code host} names when given. */
    public FleetStatus status(Optional<String> only, Optional<String> fleet, Optional<String> host) {
        FleetEngines.Listing listing = new KnownContainers(engines, containers).list(engines.scope(host));
        List<ContainerInfo> known = listing.containers();
        List<ContainerInfo> shown = only.isPresent() ? List.of(ContainerSelection.one(known, only.get(), fleet))
                : known.stream().filter(i -> fleet.isEmpty() || fleet.get().equals(i.labels().get(FleetLabels.FLEET)))
                        .collect(Collectors.toList());
        List<FleetStatus.ContainerStatus> result = new ArrayList<>();
        for (ContainerInfo info : shown) {
            result.add(status(info));
        }
        return new FleetStatus(result, listing.unreachable());
    }

    /**
     * The nodes that run a version no antfleet operation set: moved since their rows were written (seen now,
     * not recorded yet), or recorded as a self-upgrade to the version they still run.
     */
    private Map<ServiceName, VersionChanges.Recorded> selfUpgrades(Optional<Container> row, List<Node> seen,
            List<VersionChange> moved) {
        Map<ServiceName, VersionChanges.Recorded> out = new HashMap<>();
        Map<ServiceName, String> running = new HashMap<>();
        seen.stream().filter(n -> n.version() != null).forEach(n -> running.put(n.service(), n.version()));
        versions.recorded(row.map(Container::id).orElse(null)).forEach((service, r) -> {
            if (r.change().to().equals(running.get(service))) {
                out.put(service, r);
            }
        });
        versions.uncaused(row.map(Container::id).orElse(null), moved)
                .forEach(c -> out.put(c.service(), new VersionChanges.Recorded(c, null)));
        return out;
    }

    private FleetStatus.ContainerStatus status(ContainerInfo info) {
        Optional<Container> row = containers.find(info.host(), info.id(), info.name());
        List<Node> rows = row.map(r -> nodes.findByContainer(r.id())).orElse(List.of());
        Map<Long, Instant> readAt = row.map(r -> nodes.readTimes(r.id())).orElse(Map.of());
        String fleet = info.labels().get(FleetLabels.FLEET);
        if (!info.running()) {
            return new FleetStatus.ContainerStatus(info.name(), info.id(), fleet, false, rows, Optional.of(
                    info.image().equals(KnownContainers.GONE) ? "Docker has no such container any more" : "container is not running"),
                    readAt, info.host());
        }
        try {
            List<? extends RegisteredNode> surveyed = managers.forContainer(info.host(), info.id(), info.name(),
                    DockerFleetObserver.processManager(info, row)).survey();
            Map<ServiceName, Node> byService = rows.stream().collect(Collectors.toMap(Node::service, Function.identity(), (a, b) -> a));
            List<Node> seen = surveyed.stream()
                    .map(n -> RegistryRows.view(n, Optional.ofNullable(byService.get(n.service()))))
                    .collect(Collectors.toList());
            List<VersionChange> moved = new ArrayList<>();
            surveyed.forEach(n -> RegistryRows.versionChange(n, Optional.ofNullable(byService.get(n.service())))
                    .ifPresent(moved::add));
            return new FleetStatus.ContainerStatus(info.name(), info.id(), fleet, true, seen, Optional.empty(), readAt,
                    info.host(), selfUpgrades(row, seen, moved));
        } catch (AntfleetException e) {
            return new FleetStatus.ContainerStatus(info.name(), info.id(), fleet, true, rows,
                    Optional.of("antctl status failed: " + e.getMessage()), readAt, info.host());
        }
    }
}
