package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateways;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cycle's one Docker call per host: the fleet's containers by label on each row's host's engine, matched to the
 * store rows by Docker id or name. A container Docker lists as not running, or does not list, is down; like import, its row becomes
 * {@code stopped} and its running nodes STOPPED (a container that is down runs no node). A row Docker lists
 * running again becomes {@code running}; its nodes are left to the sweep. When Docker cannot be asked the
 * view says why and nothing is written; when the fleet spans hosts, the rows of a host whose engine does not answer
 * are down for that reason ({@link DockerView#ENGINE_DOWN}) and left as recorded, while the other hosts are checked.
 */
final class DockerCheck {
    /** What a container that is down cannot be doing; DISABLED, DEAD and REMOVING mean more and stay. */
    private static final Set<NodeStatus> NOT_IN_A_DOWN_CONTAINER = EnumSet.of(NodeStatus.RUNNING, NodeStatus.UNKNOWN,
            NodeStatus.RESTARTING, NodeStatus.UPGRADING);

    private final DockerGateways docker;
    private final ContainerRepository containers;
    private final NodeRepository nodes;

    DockerCheck(DockerGateways docker, ContainerRepository containers, NodeRepository nodes) {
        this.docker = requireNonNull(docker, "docker is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
    }

    DockerView check(String fleet, Collection<Container> rows, Instant now, boolean persist) {
        Map<String, List<Container>> byHost = new LinkedHashMap<>();
        byHost.put(HostSpec.LOCAL, new ArrayList<>());
        rows.forEach(r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
        Map<String, String> down = new LinkedHashMap<>();
        for (Map.Entry<String, List<Container>> host : byHost.entrySet()) {
            List<ContainerInfo> listed;
            try {
                listed = docker.forHost(host.getKey()).listByLabels(Map.of(FleetLabels.FLEET, fleet));
            } catch (DockerOperationException e) {
                if (byHost.size() == 1) {
                    return DockerView.unreachable(e.getMessage());
                }
                host.getValue().forEach(r -> down.put(r.name(), DockerView.ENGINE_DOWN + ": " + e.getMessage()));
                continue;
            }
            check(host.getValue(), listed, down, now, persist);
        }
        return new DockerView(down, Optional.empty());
    }

    private void check(List<Container> rows, List<ContainerInfo> listed, Map<String, String> down, Instant now,
            boolean persist) {
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
