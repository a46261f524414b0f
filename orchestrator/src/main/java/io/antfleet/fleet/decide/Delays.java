package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** wnm's delays between actions of one kind: {@code delay_start, delay_upgrade, delay_remove, delay_restart}. */
public record Delays(Duration start, Duration upgrade, Duration remove, Duration restart) {
    public Delays {
        nonNegative("delay_start", start);
        nonNegative("delay_upgrade", upgrade);
        nonNegative("delay_remove", remove);
        nonNegative("delay_restart", restart);
    }

    /** 300 s, 300 s, 300 s, 600 s. */
    public static Delays defaults() {
        return new Delays(Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ofSeconds(600));
    }

    public static Delays none() {
        return new Delays(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    private static void nonNegative(String name, Duration d) {
        requireNonNull(d, name + " is null");
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }
}
