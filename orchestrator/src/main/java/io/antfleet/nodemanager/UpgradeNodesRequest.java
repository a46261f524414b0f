package io.antfleet.nodemanager;

import io.antfleet.fleet.ServiceName;
import java.util.List;

/** Upgrade the named nodes to the binary at {@code binaryPath} or to {@code version} (both null: the latest). */
public record UpgradeNodesRequest(List<ServiceName> services, String binaryPath, String version) {
    public UpgradeNodesRequest {
        services = List.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("an upgrade needs at least one service");
        }
        BinaryChecks.binary(binaryPath, version);
    }
}
