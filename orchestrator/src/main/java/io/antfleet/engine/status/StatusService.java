package io.antfleet.engine.status;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.apply.DockerFleetObserver;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.nodemanager.RegistryRows;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the fleet for {@code antfleet status}: containers labelled antfleet.fleet, {@code antctl status
 * --json} in each running one, and the store's rows for readings (peers, records, uptime). Changes nothing.
 */
public final class StatusService {
    private final DockerGateway docker;
    private final NodeManagers managers;
    private final ContainerRepository containers;
    private final NodeRepository nodes;

    @Inject
    public StatusService(DockerGateway docker, NodeManagers managers, ContainerRepository containers,
            NodeRepository nodes) {
        this.docker = requireNonNull(docker, "docker is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
    }

    /** @param only a container's Docker name, id or antfleet.container label; empty for all */
    public FleetStatus status(Optional<String> only) {
        List<FleetStatus.ContainerStatus> result = new ArrayList<>();
        List<ContainerInfo> listed = new ArrayList<>(docker.listByLabels(Collections.singletonMap(FleetLabels.FLEET, null)));
        // Docker lists in creation order, which a parallel apply makes arbitrary; operators read by name.
        listed.sort(Comparator.comparing(ContainerInfo::name));
        for (ContainerInfo info : listed) {
            if (only.isEmpty() || matches(info, only.get())) {
                result.add(status(info));
            }
        }
        if (only.isPresent() && result.isEmpty()) {
            throw new AntfleetException("no antfleet container named '" + only.get() + "'");
        }
        return new FleetStatus(result);
    }

    private static boolean matches(ContainerInfo info, String wanted) {
        return wanted.equals(info.name()) || info.id().startsWith(wanted) || wanted.equals(info.labels().get(FleetLabels.CONTAINER));
    }

    private FleetStatus.ContainerStatus status(ContainerInfo info) {
        Optional<Container> row = containers.findByDockerId(info.id()).or(() -> containers.findByName(info.name()));
        List<Node> rows = row.map(r -> nodes.findByContainer(r.id())).orElse(List.of());
        String fleet = info.labels().get(FleetLabels.FLEET);
        if (!info.running()) {
            return new FleetStatus.ContainerStatus(info.name(), info.id(), fleet, false, rows, Optional.of("container is not running"));
        }
        try {
            List<? extends RegisteredNode> surveyed = managers.forContainer(info.id(), info.name(),
                    DockerFleetObserver.processManager(info, row)).survey();
            Map<ServiceName, Node> byService = rows.stream().collect(Collectors.toMap(Node::service, Function.identity(), (a, b) -> a));
            List<Node> seen = surveyed.stream()
                    .map(n -> RegistryRows.view(n, Optional.ofNullable(byService.get(n.service()))))
                    .collect(Collectors.toList());
            return new FleetStatus.ContainerStatus(info.name(), info.id(), fleet, true, seen, Optional.empty());
        } catch (AntfleetException e) {
            return new FleetStatus.ContainerStatus(info.name(), info.id(), fleet, true, rows,
                    Optional.of("antctl status failed: " + e.getMessage()));
        }
    }
}
