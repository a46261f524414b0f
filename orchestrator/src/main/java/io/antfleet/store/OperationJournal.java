package io.antfleet.store;

import io.antfleet.fleet.Operation;
import java.util.List;
import java.util.Optional;

/**
 * The journal of state changes. Every change is begun here before it runs; a crash leaves it pending,
 * and the next run reconciles pending operations against what antctl and Docker report.
 */
public interface OperationJournal {
    /** Records the intent as PENDING (attempt 1, started now) and returns it with its id. */
    Operation begin(String intent, Long containerId, List<String> services);

    /**
     * Marks it DONE, recording the services it produced or touched (e.g. the names an add created).
     * An unknown id raises {@link StoreException}.
     */
    void complete(long operationId, List<String> services);

    /** Marks it FAILED with the error text; an unknown id raises {@link StoreException}. */
    void fail(long operationId, String error);

    /** Counts one more attempt of a pending operation (a retry). */
    void recordAttempt(long operationId);

    Optional<Operation> find(long operationId);

    /** Operations still PENDING (begun and neither completed nor failed), oldest first. */
    List<Operation> pending();

    /** The most recent operations, newest first. */
    List<Operation> recent(int limit);

    /** The most recent operations on one container (by its row id), newest first. */
    List<Operation> recentOn(long containerId, int limit);
}
