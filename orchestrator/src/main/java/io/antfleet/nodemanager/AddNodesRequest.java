package io.antfleet.nodemanager;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;

/**
 * Add {@code count} nodes. Optional values are null: the binary ({@code binaryPath} inside the container
 * or a {@code version} to download; both null is the latest release) and each port range (the tool's
 * default). A range holds exactly {@code count} ports. The implementation checks every value against its
 * tool's rules before it runs anything.
 */
public record AddNodesRequest(int count, String binaryPath, String version, PortRange nodePorts,
        PortRange metricsPorts, PortRange rpcPorts, boolean noUpnp, WalletAddress rewardsAddress, EvmNetwork network) {
    public AddNodesRequest {
        if (count < 1) {
            throw new IllegalArgumentException("invalid node count " + count + " (expected at least 1)");
        }
        requireNonNull(rewardsAddress, "rewardsAddress is null");
        requireNonNull(network, "network is null");
        BinaryChecks.binary(binaryPath, version);
    }

    /** Count nodes for the wallet on the network, everything else the tool's default. */
    public static AddNodesRequest of(int count, WalletAddress rewardsAddress, EvmNetwork network) {
        return new AddNodesRequest(count, null, null, null, null, null, false, rewardsAddress, network);
    }
}
