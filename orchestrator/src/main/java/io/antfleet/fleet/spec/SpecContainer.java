package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.ProcessManager;
import java.util.Optional;

/**
 * One container of the spec with the fleet-wide settings already merged in (a container may override
 * image, processManager, rewardsAddress, network, noUpnp and antnode). {@code dockerNetwork} empty = host networking.
 * {@code host} names the engine it runs on ({@link HostSpec#LOCAL} when the spec names none).
 */
public record SpecContainer(String name, NodeCount nodes, Limits limits, String image,
        ProcessManager processManager, RewardsAddress rewardsAddress, EvmNetwork network, boolean noUpnp,
        AntnodeSource antnode, Optional<DockerNetwork> dockerNetwork, String host) {
    public SpecContainer {
        requireNonNull(name, "name is null");
        if (!FleetSpec.isValidName(name)) {
            throw new IllegalArgumentException("invalid container name '" + name + "'");
        }
        requireNonNull(nodes, "nodes is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(image, "image is null");
        requireNonNull(processManager, "processManager is null");
        requireNonNull(rewardsAddress, "rewardsAddress is null");
        requireNonNull(network, "network is null");
        requireNonNull(antnode, "antnode is null");
        requireNonNull(dockerNetwork, "dockerNetwork is null");
        requireNonNull(host, "host is null");
    }

    /** A container on host networking, on the local engine. */
    public SpecContainer(String name, NodeCount nodes, Limits limits, String image, ProcessManager processManager,
            RewardsAddress rewardsAddress, EvmNetwork network, boolean noUpnp, AntnodeSource antnode) {
        this(name, nodes, limits, image, processManager, rewardsAddress, network, noUpnp, antnode, Optional.empty(), HostSpec.LOCAL);
    }
}
