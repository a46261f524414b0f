package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One journaled state change, written before it runs so that a crash in the middle can be reconciled.
 *
 * @param intent what is being done, e.g. {@code add}, {@code start}, {@code remove}, {@code create-container}
 * @param containerId the target container's store id (null for the host or before the row exists)
 * @param services the antctl services it targets; empty for an add (its names are unknown until it ran)
 */
public record Operation(
        Long id,
        String intent,
        Long containerId,
        List<String> services,
        OperationState state,
        int attempts,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public Operation {
        requireNonNull(intent, "intent is null");
        requireNonNull(state, "state is null");
        services = List.copyOf(services);
    }
}
