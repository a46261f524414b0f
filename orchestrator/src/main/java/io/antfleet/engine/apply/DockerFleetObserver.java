package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateways;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.plan.Neighbours;
import io.antfleet.fleet.plan.ObservedContainer;
import io.antfleet.fleet.plan.ObservedFleet;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.nodemanager.RegistryRows;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Observes through a host's Docker engine (containers by label), each running container's node manager (its
 * survey, through the same engine) and the store (port blocks, operator's DISABLED marks). A stopped container's nodes are the store's
 * rows; a running container whose node manager cannot be read reports its rows as UNKNOWN, so apply neither
 * adds duplicates nor touches them.
 */
public final class DockerFleetObserver implements FleetObserver {
    private final DockerGateways docker;
    private final NodeManagers managers;
    private final ContainerRepository containers;
    private final NodeRepository nodes;

    @Inject
    public DockerFleetObserver(DockerGateways docker, NodeManagers managers, ContainerRepository containers,
            NodeRepository nodes) {
        this.docker = requireNonNull(docker, "docker is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
    }

    @Override
    public ObservedFleet observe(String fleet, String host) {
        Map<String, String> labels = new HashMap<>();
        labels.put(FleetLabels.FLEET, null);
        List<ContainerInfo> all = docker.forHost(host).listByLabels(labels);
        List<ObservedContainer> observed = new ArrayList<>();
        for (ContainerInfo info : all) {
            if (fleet.equals(info.labels().get(FleetLabels.FLEET))) {
                observed.add(observe(info, fleet));
            }
        }
        return new ObservedFleet(observed, neighbours(fleet, host, all));
    }

    /**
     * The port blocks and Docker names of every other antfleet container on {@code host}: other fleets' (by label),
     * and those the store records on that host that Docker has no label for (imported by name; recorded containers of this fleet, named
     * {@code <fleet>-...}, that Docker no longer has, are this fleet's own).
     */
    private Neighbours neighbours(String fleet, String host, List<ContainerInfo> all) {
        List<PortBlock> blocks = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Set<String> labelled = new HashSet<>();
        for (ContainerInfo info : all) {
            labelled.add(info.name());
            labelled.add(info.id());
            String other = info.labels().get(FleetLabels.FLEET);
            if (fleet.equals(other)) {
                continue;
            }
            Optional<Container> row = containers.find(info.host(), info.id(), info.name());
            row.map(Container::ports).or(() -> FleetLabels.decode(info.labels().get(FleetLabels.PORT_BLOCK))).ifPresent(blocks::add);
            names.put(info.name(), "container '" + FleetLabels.specName(info, other) + "' of fleet '" + other + "'");
        }
        for (Container row : containers.findAll()) {
            if (!row.host().equals(host)) {
                continue;
            }
            boolean seen = labelled.contains(row.name()) || (row.dockerId() != null && labelled.contains(row.dockerId()));
            if (!seen && !row.name().startsWith(fleet + "-")) {
                Optional.ofNullable(row.ports()).ifPresent(blocks::add);
                names.put(row.name(), "the imported container '" + row.name() + "'");
            }
        }
        return new Neighbours(blocks, names);
    }

    private ObservedContainer observe(ContainerInfo info, String fleet) {
        Optional<Container> row = containers.find(info.host(), info.id(), info.name());
        Optional<PortBlock> ports = row.map(Container::ports).or(() -> FleetLabels.decode(info.labels().get(FleetLabels.PORT_BLOCK)));
        List<Node> rows = row.map(r -> nodes.findByContainer(r.id())).orElse(List.of());
        List<Node> seen = info.running() ? survey(info, processManager(info, row), rows) : rows;
        return new ObservedContainer(FleetLabels.specName(info, fleet), info.id(), info.running(), ports, seen);
    }

    public static ProcessManager processManager(ContainerInfo info, Optional<Container> row) {
        String label = info.labels().get(FleetLabels.PROCESS_MANAGER);
        if (label != null && !label.isBlank()) {
            return ProcessManager.fromLabel(label.trim());
        }
        return row.map(Container::processManager).orElse(ProcessManager.ANTCTL_SUDO);
    }

    private List<Node> survey(ContainerInfo info, ProcessManager mode, List<Node> rows) {
        List<? extends RegisteredNode> surveyed;
        try {
            surveyed = managers.forContainer(info.host(), info.id(), info.name(), mode).survey();
        } catch (AntfleetException e) {
            return rows.stream().map(n -> n.status() == NodeStatus.DEAD || n.status() == NodeStatus.DISABLED ? n
                    : n.withStatus(NodeStatus.UNKNOWN, n.statusChangedAt())).collect(Collectors.toList());
        }
        Map<ServiceName, Node> byService = rows.stream().collect(Collectors.toMap(Node::service, Function.identity(), (a, b) -> a));
        return surveyed.stream().map(n -> RegistryRows.view(n, Optional.ofNullable(byService.get(n.service()))))
                .collect(Collectors.toList());
    }
}
