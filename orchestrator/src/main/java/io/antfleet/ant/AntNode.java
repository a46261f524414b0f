package io.antfleet.ant;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.RegisteredNode;

/**
 * One node of {@code ant node}'s registry (§4.2) with what the daemon says of it (§2.5): {@code managerStatus}
 * is the daemon's word (stopped, running, errored, upgrade_scheduled; starting and stopping in theory),
 * {@code pid}, {@code uptimeSecs} and {@code pendingVersion} are null when the daemon gives none. ant has no
 * rpc port and no peer id in its registry (§6). An entry whose values antfleet refuses (a path with shell
 * characters, a version that is not one) carries only its id, name and the {@code problem}: one bad entry
 * does not stop the others.
 */
public record AntNode(int id, ServiceName service, String managerStatus, Integer nodePort, Integer metricsPort,
        String dataDir, String logDir, String binaryPath, String version, String rewardsAddress, Integer pid,
        Long uptimeSecs, String pendingVersion, String problem) implements RegisteredNode {
    public AntNode {
        requireNonNull(service, "service is null");
        requireNonNull(managerStatus, "managerStatus is null");
        status(managerStatus);
    }

    /** An entry of {@code service} whose values are refused, for {@code problem}. */
    static AntNode unusable(int id, ServiceName service, String problem) {
        return new AntNode(id, service, "stopped", null, null, null, null, null, null, null, null, null, null,
                requireNonNull(problem, "problem is null"));
    }

    /** running (and upgrade_scheduled, starting: §2.5's total_running) → RUNNING; the rest → STOPPED. */
    @Override
    public NodeStatus status() {
        return problem != null ? NodeStatus.UNKNOWN : status(managerStatus);
    }

    static NodeStatus status(String antStatus) {
        switch (antStatus) {
            case "running":
            case "starting":
            case "upgrade_scheduled":
                return NodeStatus.RUNNING;
            case "stopped":
            case "stopping":
            case "errored":
                return NodeStatus.STOPPED;
            default:
                throw new IllegalArgumentException("unknown ant node status '" + antStatus
                        + "' (expected stopped, running, errored, upgrade_scheduled, starting or stopping)");
        }
    }

    @Override
    public Integer rpcPort() {
        return null;
    }

    @Override
    public String peerId() {
        return null;
    }

    AntNode withRuntime(String status, Integer newPid, Long uptime, String pending) {
        return new AntNode(id, service, status, nodePort, metricsPort, dataDir, logDir, binaryPath, version,
                rewardsAddress, newPid, uptime, pending, problem);
    }
}
