package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.ProcessManager;

/**
 * One container of the spec with the fleet-wide settings already merged in (a container may override
 * image, processManager, rewardsAddress, network, noUpnp and antnode). {@code host} names the engine it
 * runs on ({@link HostSpec#LOCAL} when the spec names none).
 */
public record SpecContainer(String name, NodeCount nodes, Limits limits, String image,
        ProcessManager processManager, RewardsAddress rewardsAddress, EvmNetwork network, boolean noUpnp,
        AntnodeSource antnode, String host) {
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
        requireNonNull(host, "host is null");
    }
}
