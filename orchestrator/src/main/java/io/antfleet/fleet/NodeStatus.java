package io.antfleet.fleet;

import java.util.Locale;

/** wnm's status model. Liveness comes from a node's metrics endpoint, not from antctl. */
public enum NodeStatus {
    RUNNING,
    STOPPED,
    UPGRADING,
    RESTARTING,
    REMOVING,
    /** Excluded from automation by the operator. */
    DISABLED,
    /** antctl says Removed, or the data dir is gone. */
    DEAD,
    /** A reading was impossible. */
    UNKNOWN;

    /** True for the states an action is in the middle of; a survey must not overwrite them. */
    public boolean isTransitional() {
        return this == UPGRADING || this == RESTARTING || this == REMOVING;
    }

    /** antctl's Running/Stopped/Added/Removed → RUNNING/STOPPED/STOPPED/DEAD. */
    public static NodeStatus fromAntctl(String antctlStatus) {
        switch (antctlStatus) {
            case "Running":
                return RUNNING;
            case "Stopped":
            case "Added":
                return STOPPED;
            case "Removed":
                return DEAD;
            default:
                throw new IllegalArgumentException("unknown antctl status '" + antctlStatus
                        + "' (expected Added, Running, Stopped or Removed)");
        }
    }

    public static NodeStatus parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
