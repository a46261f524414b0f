package io.antfleet.config.spec;

import static java.util.Objects.requireNonNull;

/** One thing wrong with a spec, where it is. Reads {@code FILE:LINE:COL: message}. */
public record SpecProblem(SpecLocation location, String message) {
    public SpecProblem {
        requireNonNull(location, "location is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
