package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cycle's one Docker call: the fleet's containers by label, matched to the store rows by Docker id or
 * name. A container Docker lists as not running, or does not list, is down; like import, its row becomes
 * {@code stopped} and its running nodes STOPPED (a container that is down runs no node). A row Docker lists
 * running again becomes {@code running}; its nodes are left to the sweep. When Docker cannot be asked the
 * view says why and nothing is written.
 */
final class DockerCheck {
    /** What a container that is down cannot be doing; DISABLED, DEAD and REMOVING mean more and stay. */
    private static final Set<NodeStatus> NOT_IN_A_DOWN_CONTAINER = EnumSet.of(NodeStatus.RUNNING, NodeStatus.UNKNOWN,
            NodeStatus.RESTARTING, NodeStatus.UPGRADING);

    private final DockerGateway docker;
    private final ContainerRepository containers;
    private final NodeRepository nodes;

    DockerCheck(DockerGateway docker, ContainerRepository containers, NodeRepository nodes) {
        this.docker = requireNonNull(docker, "docker is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
    }

    DockerView check(String fleet, Collection<Container> rows, Instant now, boolean persist) {
        List<ContainerInfo> listed;
        try {
            listed = docker.listByLabels(Map.of(FleetLabels.FLEET, fleet));
        } catch (DockerOperationException e) {
            return DockerView.unreachable(e.getMessage());
        }
        Map<String, String> down = new LinkedHashMap<>();
        for (Container row : rows) {
            Optional<ContainerInfo> info = listed.stream()
                    .filter(i -> i.id().equals(row.dockerId()) || i.name().equals(row.name())).findFirst();
            boolean running = info.map(ContainerInfo::running).orElse(false);
            if (!running) {
                down.put(row.name(), info.isPresent() ? DockerView.NOT_RUNNING : DockerView.MISSING);
            }
            if (persist) {
                record(row, running, now);
            }
        }
        return new DockerView(down, Optional.empty());
    }

    private void record(Container row, boolean running, Instant now) {
        String status = running ? "running" : "stopped";
        if (!status.equals(row.status())) {
            containers.update(new Container(row.id(), row.dockerId(), row.name(), row.image(), status, row.networkMode(),
                    row.processManager(), row.ports(), row.createdAt(), now, row.host()));
        }
        if (!running) {
            for (Node n : nodes.findByContainer(row.id())) {
                if (NOT_IN_A_DOWN_CONTAINER.contains(n.status())) {
                    nodes.updateStatus(n.id(), NodeStatus.STOPPED, now);
                }
            }
        }
    }
}
