package io.antfleet.fleet.decide;

/** What the decision engine asks the executor to do. */
public enum Action {
    /** Create {@code count} new nodes in a container ({@code antctl add} + start). */
    ADD,
    /** Start stopped nodes. */
    START,
    /** Stop running nodes (they stay registered, their data stays). */
    STOP,
    /** Remove nodes for good ({@code antctl remove}): the service and its data go. */
    REMOVE,
    /** Upgrade running nodes to the target antnode version. */
    UPGRADE,
    /** Restart nodes that are registered as running but whose metrics have not answered. */
    RESTART,
    /** Read every node's metrics; change nothing. */
    SURVEY,
    /** Nothing at all to do (an empty fleet). */
    NONE;

    /** True for actions that name their nodes by service. */
    public boolean targetsServices() {
        return this == START || this == STOP || this == REMOVE || this == UPGRADE || this == RESTART;
    }
}
