package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.decide.Decision;
import java.util.List;
import java.util.Optional;

/**
 * What the executor did with one cycle's decisions: one outcome per decision (SURVEY and NONE are not
 * listed), and, when an upgrade failed or its nodes did not come back with the new version, why the
 * rolling upgrade stopped.
 */
public record ExecutionReport(List<Outcome> outcomes, Optional<String> haltedRoll) {
    public ExecutionReport {
        outcomes = List.copyOf(outcomes);
        requireNonNull(haltedRoll, "haltedRoll is null");
    }

    /** {@code error} is empty when the decision was carried out. */
    public record Outcome(Decision decision, Optional<String> error) {
        public Outcome {
            requireNonNull(decision, "decision is null");
            requireNonNull(error, "error is null");
        }

        public boolean ok() {
            return error.isEmpty();
        }
    }

    public boolean ok() {
        return outcomes.stream().allMatch(Outcome::ok);
    }
}
