package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * When an unexpired lease may be taken from its holder anyway: only when the holder names a process on
 * this host (see {@link LeaseHolderProcess}) that no longer runs, as after a SIGKILL. A holder on
 * another host is never judged (its processes cannot be seen from here): it keeps the lease until expiry.
 * A holder in any other form is never judged either.
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

    /** True when {@code holder} is a process of this host that has ended. */
    public boolean isAbandoned(String holder) {
        Optional<LeaseHolderProcess> process = LeaseHolderProcess.parse(holder);
        return process.isPresent() && process.get().host().equals(processes.hostName())
                && !processes.isRunning(process.get().pid(), process.get().startedAt());
    }
}
