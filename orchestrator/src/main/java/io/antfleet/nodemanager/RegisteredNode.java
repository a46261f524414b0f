package io.antfleet.nodemanager;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;

/**
 * One entry of a node manager's registry, as the tool reports it. Optional values are null when the tool
 * has none (a metrics port never asked for, a peer id before the first start).
 */
public interface RegisteredNode {
    ServiceName service();

    /** antfleet's status for the entry: RUNNING, STOPPED or DEAD (removed; the entry stays); UNKNOWN when unusable. */
    NodeStatus status();

    /**
     * Why the entry's values were refused (a hostile or broken registry entry), or null when they are usable.
     * An unusable entry carries only its service name.
     */
    String problem();

    default boolean isUsable() {
        return problem() == null;
    }

    /** The tool's own word for the status (antctl: Added, Running, Stopped or Removed). */
    String managerStatus();

    /** Whether the tool reports the node removed: its row becomes DEAD whatever an operator marked. */
    default boolean removed() {
        return status() == NodeStatus.DEAD;
    }

    default int number() {
        return service().number();
    }

    Integer nodePort();

    Integer metricsPort();

    Integer rpcPort();

    String dataDir();

    String logDir();

    String binaryPath();

    String version();

    String peerId();

    String rewardsAddress();
}
