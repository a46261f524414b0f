package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The wait after a failed cycle: {@code first}, doubling after each further failure, never longer than
 * {@code cap} (the run's interval), and back to {@code first} after a cycle that succeeds. Not thread safe:
 * the loop's own.
 */
final class Backoff {
    private final Duration first;
    private final Duration cap;
    private Duration next;

    Backoff(Duration first, Duration cap) {
        requireNonNull(first, "first is null");
        this.cap = requireNonNull(cap, "cap is null");
        if (first.isNegative() || first.isZero() || cap.isNegative() || cap.isZero()) {
            throw new IllegalArgumentException("backoff needs positive durations, got " + first + " and " + cap);
        }
        this.first = first.compareTo(cap) < 0 ? first : cap;
        this.next = this.first;
    }

    Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(cap) < 0 ? doubled : cap;
        return now;
    }

    void reset() {
        next = first;
    }
}
