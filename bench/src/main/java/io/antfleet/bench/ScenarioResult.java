package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

/**
 * One bench scenario: antfleet's figure, the floor measured in the same run, antfleet/floor, the target in
 * words, whether it was met, what was measured in words, the antfleet JVM's CPU seconds for antfleet's side
 * of the scenario (the median round's where there are rounds) and its peak resident set size in MB once the
 * scenario was done. Seconds are null where a scenario has none (memory: {@code measured} holds the megabytes).
 */
public record ScenarioResult(String name, Double antfleetSeconds, Double floorSeconds, Double ratio, String target,
        boolean met, String measured, Double cpuSeconds, Double peakRssMb) {
    public ScenarioResult {
        requireNonNull(name, "name is null");
        requireNonNull(target, "target is null");
        requireNonNull(measured, "measured is null");
    }

    ScenarioResult withMeasured(String text) {
        return new ScenarioResult(name, antfleetSeconds, floorSeconds, ratio, target, met, text, cpuSeconds, peakRssMb);
    }

    static ScenarioResult timed(String name, double antfleet, double floor, String target, boolean met, String measured,
            double cpuSeconds) {
        return new ScenarioResult(name, round(antfleet), round(floor), round(antfleet / floor), target, met, measured,
                round(cpuSeconds), currentPeakRssMb());
    }

    /** This JVM's peak RSS so far in MB, or null where Linux's {@code VmHWM} cannot be read. */
    static Double currentPeakRssMb() {
        long kb = PeakMemory.peakResidentKb();
        return kb < 0 ? null : round(kb / 1024.0);
    }

    static Double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
