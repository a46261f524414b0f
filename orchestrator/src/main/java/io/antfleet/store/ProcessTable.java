package io.antfleet.store;

import java.time.Instant;
import java.util.Optional;

/** The processes of this host, as far as a stale lease is concerned. A port: tests use a fake. */
public interface ProcessTable {
    /** This host's name, as written into lease holders (for people: it decides nothing). */
    String hostName();

    /** Where this table's pids mean something; empty when it cannot be read. */
    Optional<ProcessScope> scope();

    /**
     * Whether process {@code pid} exists and, when {@code startedAt} is known, is the process started
     * then (and not a later one that was given the same pid).
     */
    boolean isRunning(long pid, Optional<Instant> startedAt);

    /** The real table of this host. */
    static ProcessTable local() {
        return LocalProcessTable.INSTANCE;
    }
}
