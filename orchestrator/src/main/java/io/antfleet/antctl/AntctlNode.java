package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.RegisteredNode;

/**
 * One registry entry as {@code antctl status --json} shows it. Optional values are null when antctl
 * has none (e.g. {@code metricsPort} when no metrics port was requested, {@code peerId} before the first
 * start). {@code antctlStatus} is antctl's own word: Added, Running, Stopped or Removed.
 */
public record AntctlNode(
        ServiceName service,
        String antctlStatus,
        Integer nodePort,
        Integer metricsPort,
        Integer rpcPort,
        String rpcSocketAddr,
        String dataDir,
        String logDir,
        String antnodePath,
        String version,
        String peerId,
        Long pid,
        String rewardsAddress,
        String user,
        boolean userMode,
        Integer connectedPeers) implements RegisteredNode {

    public AntctlNode {
        requireNonNull(service, "service is null");
        requireNonNull(antctlStatus, "antctlStatus is null");
        NodeStatus.fromAntctl(antctlStatus);
    }

    /** antfleet's status: Running → RUNNING, Stopped/Added → STOPPED, Removed → DEAD. */
    @Override
    public NodeStatus status() {
        return NodeStatus.fromAntctl(antctlStatus);
    }

    @Override
    public String managerStatus() {
        return antctlStatus;
    }

    @Override
    public String binaryPath() {
        return antnodePath;
    }
}
