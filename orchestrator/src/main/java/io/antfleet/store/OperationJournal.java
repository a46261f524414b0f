package io.antfleet.store;

import io.antfleet.fleet.Operation;
import java.util.List;

/**
 * The journal of state changes. Every change is begun here before it runs; a crash leaves it pending,
 * and the next run reconciles pending operations against what antctl and Docker report.
 */
public interface OperationJournal {
    /** Records the intent as PENDING and returns it with its id. */
    Operation begin(String intent, Long containerId, List<String> services);

    /** Marks it DONE, recording the services it produced or touched (e.g. the names an add created). */
    void complete(long operationId, List<String> services);

    void fail(long operationId, String error);

    /** Operations still PENDING (begun and neither completed nor failed), oldest first. */
    List<Operation> pending();

    /** The most recent operations, newest first. */
    List<Operation> recent(int limit);
}
