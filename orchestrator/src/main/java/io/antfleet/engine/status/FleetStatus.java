package io.antfleet.engine.status;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.HostProblem;
import io.antfleet.engine.VersionChanges;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
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
     * @param selfUpgrades the nodes whose running version no antfleet operation set, with where it moved from
     *     and when that was recorded (null: seen now, not recorded yet)
     */
    public record ContainerStatus(String name, String containerId, String fleet, boolean running, List<Node> nodes,
            Optional<String> problem, Map<Long, Instant> readAt, String host,
            Map<ServiceName, VersionChanges.Recorded> selfUpgrades) {
        public ContainerStatus {
            requireNonNull(name, "name is null");
            requireNonNull(containerId, "containerId is null");
            nodes = List.copyOf(nodes);
            requireNonNull(problem, "problem is null");
            readAt = Map.copyOf(readAt);
            requireNonNull(host, "host is null");
            selfUpgrades = Map.copyOf(selfUpgrades);
        }

        public ContainerStatus(String name, String containerId, String fleet, boolean running, List<Node> nodes,
                Optional<String> problem, Map<Long, Instant> readAt, String host) {
            this(name, containerId, fleet, running, nodes, problem, readAt, host, Map.of());
        }

        public ContainerStatus(String name, String containerId, String fleet, boolean running, List<Node> nodes,
                Optional<String> problem) {
            this(name, containerId, fleet, running, nodes, problem, Map.of(), io.antfleet.fleet.spec.HostSpec.LOCAL);
        }
    }
}
