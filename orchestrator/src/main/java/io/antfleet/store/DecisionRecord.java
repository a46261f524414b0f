package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One stored decision of {@code antfleet run}: its action, target, reason and what came of it.
 *
 * @param container the container's Docker name, as shown (unique per host only)
 * @param containerId the container's row (its host with it); null for a decision on no container, or one without a row
 * @param outcome {@code DONE}, {@code FAILED} (with {@code error}) or {@code NOT_RUN} (SURVEY, NONE)
 */
public record DecisionRecord(Long id, Instant decidedAt, String action, String container, Long containerId,
        List<String> services, int count, String reason, String outcome, String error) {
    /** A decision on no container row (SURVEY, NONE, or one on a container the store does not have). */
    public DecisionRecord(Long id, Instant decidedAt, String action, String container, List<String> services, int count,
            String reason, String outcome, String error) {
        this(id, decidedAt, action, container, null, services, count, reason, outcome, error);
    }

    public DecisionRecord {
        requireNonNull(decidedAt, "decidedAt is null");
        requireNonNull(action, "action is null");
        services = List.copyOf(services);
        requireNonNull(reason, "reason is null");
        requireNonNull(outcome, "outcome is null");
        if (!List.of("DONE", "FAILED", "NOT_RUN").contains(outcome)) {
            throw new IllegalArgumentException("decision outcome must be DONE, FAILED or NOT_RUN, got " + outcome);
        }
    }
}
