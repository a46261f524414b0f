package io.antfleet.engine.status;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.HostProblem;
import io.antfleet.fleet.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code antfleet status} shows: every agent container and its nodes, as its node manager and the store know
 * them, and the hosts whose engine did not answer (their containers are not in the list).
 */
public record FleetStatus(List<ContainerStatus> containers, List<HostProblem> unreachable) {
    public FleetStatus {
        containers = List.copyOf(containers);
        unreachable = List.copyOf(unreachable);
    }

    public FleetStatus(List<ContainerStatus> containers) {
        this(containers, List.of());
    }

    /**
     * @param name Docker's name; {@code fleet} the antfleet.fleet label; {@code host} the engine it runs on
     * @param problem why the nodes are the store's last rows rather than antctl's answer, if so
     * @param readAt when each node (by store id) was last read by a sweep; nodes never read are absent
     */
    public record ContainerStatus(String name, String containerId, String fleet, boolean running, List<Node> nodes,
            Optional<String> problem, Map<Long, Instant> readAt, String host) {
        public ContainerStatus {
            requireNonNull(name, "name is null");
            requireNonNull(containerId, "containerId is null");
            nodes = List.copyOf(nodes);
            requireNonNull(problem, "problem is null");
            readAt = Map.copyOf(readAt);
            requireNonNull(host, "host is null");
        }

        public ContainerStatus(String name, String containerId, String fleet, boolean running, List<Node> nodes,
                Optional<String> problem) {
            this(name, containerId, fleet, running, nodes, problem, Map.of(), io.antfleet.fleet.spec.HostSpec.LOCAL);
        }
    }
}
