package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

/**
 * One bench scenario: antfleet's figure, the floor measured in the same run, antfleet/floor, the target in
 * words, whether it was met, and what was measured in words. Seconds are null where a scenario has none
 * (memory: {@code measured} holds the megabytes).
 */
public record ScenarioResult(String name, Double antfleetSeconds, Double floorSeconds, Double ratio, String target,
        boolean met, String measured) {
    public ScenarioResult {
        requireNonNull(name, "name is null");
        requireNonNull(target, "target is null");
        requireNonNull(measured, "measured is null");
    }

    static ScenarioResult timed(String name, double antfleet, double floor, String target, boolean met, String measured) {
        return new ScenarioResult(name, round(antfleet), round(floor), round(antfleet / floor), target, met, measured);
    }

    static Double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
