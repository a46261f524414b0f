package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.RegisteredNode;

/**
 * One registry entry as {@code antctl status --json} shows it. Optional values are null when antctl
 * has none (e.g. {@code metricsPort} when no metrics port was requested, {@code peerId} before the first
 * start). {@code antctlStatus} is antctl's own word: Added, Running, Stopped or Removed. An entry whose
 * values antfleet refuses (see {@link #unusable}) has only its service name and the {@code problem}: its
 * status is UNKNOWN, and the rest of the container's entries are used as usual.
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
        Integer connectedPeers,
        String problem) implements RegisteredNode {

    public AntctlNode {
        requireNonNull(service, "service is null");
        requireNonNull(antctlStatus, "antctlStatus is null");
        if (problem == null) {
            NodeStatus.fromAntctl(antctlStatus);
        }
    }

    /** An entry of {@code service} whose values are refused, for {@code problem}. */
    public static AntctlNode unusable(ServiceName service, String problem) {
        return new AntctlNode(service, "Unknown", null, null, null, null, null, null, null, null, null, null, null, null,
                false, null, requireNonNull(problem, "problem is null"));
    }

    @Override
    public boolean isUsable() {
        return problem == null;
    }

    /** antfleet's status: Running → RUNNING, Stopped/Added → STOPPED, Removed → DEAD; UNKNOWN when unusable. */
    @Override
    public NodeStatus status() {
        return problem != null ? NodeStatus.UNKNOWN : NodeStatus.fromAntctl(antctlStatus);
    }

    @Override
    public String managerStatus() {
        return antctlStatus;
    }

    @Override
    public String binaryPath() {
        return antnodePath;
    }

    @Override
    public boolean removed() {
        return problem == null && "Removed".equals(antctlStatus);
    }
}
