package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.AntfleetException;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The cycle's Docker calls, one per host: the fleet's containers by label on that host's engine, matched to the
 * store rows by Docker id or name. A container its engine lists as not running, or does not list, is down; like
 * import, its row becomes {@code stopped} and its running nodes STOPPED (a container that is down runs no node). A
 * row listed running again becomes {@code running}; its nodes are left to the sweep. A host whose engine cannot be
 * asked has its containers cut from the cycle and nothing of theirs written; the other hosts are checked as usual.
 */
final class DockerCheck {
    /** What a container that is down cannot be doing; DISABLED, DEAD and REMOVING mean more and stay. */
    private static final Set<NodeStatus> NOT_IN_A_DOWN_CONTAINER = EnumSet.of(NodeStatus.RUNNING, NodeStatus.UNKNOWN,
            NodeStatus.RESTARTING, NodeStatus.UPGRADING);

    private final Function<String, DockerGateway> engines;
    private final ContainerRepository containers;
    private final NodeRepository nodes;

    /** Over the local engine alone: a container on another host is cut, its engine unknown. */
    DockerCheck(DockerGateway docker, ContainerRepository containers, NodeRepository nodes) {
        this(localOnly(requireNonNull(docker, "docker is null")), containers, nodes);
    }

    DockerCheck(Function<String, DockerGateway> engines, ContainerRepository containers, NodeRepository nodes) {
        this.engines = requireNonNull(engines, "engines is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
    }

    private static Function<String, DockerGateway> localOnly(DockerGateway docker) {
        return host -> {
            if (!HostSpec.LOCAL.equals(host)) {
                throw new AntfleetException("no Docker engine is known for host '" + host + "'");
            }
            return docker;
        };
    }

    /** {@code hostOf} maps each row's name to its host (absent: the local one). */
    DockerView check(String fleet, Collection<Container> rows, Map<String, String> hostOf, Instant now, boolean persist) {
        Map<String, List<Container>> byHost = new LinkedHashMap<>();
        rows.forEach(r -> byHost.computeIfAbsent(hostOf.getOrDefault(r.name(), HostSpec.LOCAL), h -> new ArrayList<>()).add(r));
        Map<String, String> down = new LinkedHashMap<>();
        Optional<String> localUnreachable = Optional.empty();
        Map<String, String> hostsUnreachable = new LinkedHashMap<>();
        Set<String> cut = new HashSet<>();
        for (Map.Entry<String, List<Container>> e : byHost.entrySet()) {
            List<ContainerInfo> listed;
            try {
                listed = engines.apply(e.getKey()).listByLabels(Map.of(FleetLabels.FLEET, fleet));
            } catch (AntfleetException failure) { // DockerOperationException, or an engine not known
                e.getValue().forEach(r -> cut.add(r.name()));
                if (HostSpec.LOCAL.equals(e.getKey())) {
                    localUnreachable = Optional.of(failure.getMessage());
                } else {
                    hostsUnreachable.put(e.getKey(), failure.getMessage().lines().findFirst().orElse(""));
                }
                continue;
            }
            for (Container row : e.getValue()) {
                check(row, listed, down, now, persist);
            }
        }
        return new DockerView(down, localUnreachable, hostsUnreachable, cut);
    }

    private void check(Container row, List<ContainerInfo> listed, Map<String, String> down, Instant now, boolean persist) {
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

    private void record(Container row, boolean running, Instant now) {
        String status = running ? "running" : "stopped";
        if (!status.equals(row.status())) {
            containers.update(new Container(row.id(), row.dockerId(), row.name(), row.image(), status, row.networkMode(),
                    row.processManager(), row.ports(), row.createdAt(), now));
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
