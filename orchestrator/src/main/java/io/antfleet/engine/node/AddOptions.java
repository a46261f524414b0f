package io.antfleet.engine.node;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.BinaryChecks;
import java.util.Optional;

/**
 * {@code antfleet node add}: how many nodes, and what antctl add needs that antctl's registry cannot tell
 * us. {@code rewardsAddress} empty means "the wallet of the container's youngest node".
 * {@code version} and {@code path} are exclusive; both null means antctl's latest.
 */
public record AddOptions(int count, Optional<WalletAddress> rewardsAddress, EvmNetwork network, String version,
        String path, boolean noUpnp) {
    public AddOptions {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        requireNonNull(rewardsAddress, "rewardsAddress is null");
        requireNonNull(network, "network is null");
        if (version != null && path != null) {
            throw new IllegalArgumentException("give --version or --path, not both");
        }
        // checked here, not first in the node manager's request, so a bad value is a usage error before the lease is taken
        if (version != null) {
            BinaryChecks.version("--version", version);
        }
        if (path != null) {
            BinaryChecks.absolutePath("--path", path);
        }
    }
}
