package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * When an unexpired lease may be taken from its holder anyway: only when the holder names a process of
 * exactly this {@link ProcessScope} (same machine id, same boot, same pid namespace) that no longer runs,
 * as after a SIGKILL. A holder of another machine, boot or container, or whose scope is unknown on either
 * side, is never judged (its pid means nothing here): it keeps the lease until expiry. Neither is a holder
 * in any other form (older antfleet versions wrote only a host name).
 */
public final class StaleLeasePolicy {
    private final ProcessTable processes;

    public StaleLeasePolicy(ProcessTable processes) {
        this.processes = requireNonNull(processes, "processes is null");
    }

    /** The policy over this host's real processes. */
    public static StaleLeasePolicy onThisHost() {
        return new StaleLeasePolicy(ProcessTable.local());
    }

    /** True when {@code holder} is a process of this very scope that has ended. */
    public boolean isAbandoned(String holder) {
        Optional<LeaseHolderProcess> process = LeaseHolderProcess.parse(holder);
        Optional<ProcessScope> here = processes.scope();
        return process.isPresent() && here.isPresent() && process.get().scope().equals(here)
                && !processes.isRunning(process.get().pid(), process.get().startedAt());
    }
}
