package io.antfleet.engine.run;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.metrics.SweptNode;

/**
 * A node's status after a sweep. Liveness comes from the metrics endpoint, but a sweep never overwrites
 * what an action or the operator set (wnm defect 4): DISABLED, DEAD and the transitional states stay, and
 * a node recorded STOPPED that does not answer stays STOPPED. A node that answers is RUNNING, except an
 * UPGRADING one, which stays UPGRADING until it answers with the version it was upgraded to.
 */
final class StatusRule {
    private StatusRule() {
    }

    static NodeStatus next(Node stored, SweptNode probe) {
        NodeStatus status = stored.status();
        if (status == NodeStatus.DISABLED || status == NodeStatus.DEAD || status == NodeStatus.REMOVING
                || status == NodeStatus.RESTARTING) {
            return status;
        }
        if (probe == null || !probe.isRunning()) {
            return status == NodeStatus.RUNNING || status == NodeStatus.UNKNOWN ? NodeStatus.UNKNOWN : status;
        }
        if (status == NodeStatus.UPGRADING) {
            return answersWith(probe, stored.version()) ? NodeStatus.RUNNING : NodeStatus.UPGRADING;
        }
        return NodeStatus.RUNNING;
    }

    static boolean answersWith(SweptNode probe, String version) {
        return probe.isRunning() && version != null && version.equals(probe.readings().version());
    }
}
