package io.antfleet.cli;

/** antfleet's exit codes; decided only in {@link Main}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A runtime failure; results are reported per container. */
    public static final int FAILURE = 1;
    /** A usage or spec error; nothing was touched. */
    public static final int USAGE = 2;
    /** Another orchestrator holds the database lease. */
    public static final int LEASE_HELD = 3;

    private ExitCodes() {
    }
}
