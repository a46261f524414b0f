package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When the engine last started each kind of action, kept in the engine's own state (not on node rows,
 * where wnm's surveys overwrote them). A survey never touches them.
 */
public record Timers(Map<Kind, Instant> last) {
    /** The cooldown groups: ADD and START share {@code delay_start}; STOP and REMOVE share {@code delay_remove}. */
    public enum Kind {
        START, UPGRADE, REMOVE, RESTART
    }

    public Timers {
        last = Map.copyOf(last);
    }

    public static Timers none() {
        return new Timers(Map.of());
    }

    public Optional<Instant> lastOf(Kind kind) {
        return Optional.ofNullable(last.get(kind));
    }

    public Timers with(Kind kind, Instant at) {
        requireNonNull(at, "at is null");
        Map<Kind, Instant> copy = new EnumMap<>(Kind.class);
        copy.putAll(last);
        copy.put(kind, at);
        return new Timers(copy);
    }

    /** The instant the cooldown of {@code kind} ends, empty when it is not cooling down at {@code now}. */
    public Optional<Instant> coolingUntil(Kind kind, Duration delay, Instant now) {
        Instant at = last.get(kind);
        if (at == null) {
            return Optional.empty();
        }
        Instant until = at.plus(delay);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
