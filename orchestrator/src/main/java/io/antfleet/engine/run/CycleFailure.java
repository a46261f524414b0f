package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A cycle that failed as a whole (the database away, an unexpected error): when it started, how long it
 * ran, the one-line error, and the wait before the loop tries again (zero when it will not: {@code --once}).
 */
public record CycleFailure(Instant at, Duration took, String error, Duration retryIn) {
    public CycleFailure {
        requireNonNull(at, "at is null");
        requireNonNull(took, "took is null");
        requireNonNull(error, "error is null");
        requireNonNull(retryIn, "retryIn is null");
        if (error.isBlank() || error.contains("\n")) {
            throw new IllegalArgumentException("a cycle failure is one non-blank line, got '" + error + "'");
        }
    }
}
