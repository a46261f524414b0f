package io.antfleet.config.spec;

import static java.util.Objects.requireNonNull;

/** A place in a spec file; line and column count from 1. */
public record SpecLocation(String file, int line, int column) {
    public SpecLocation {
        requireNonNull(file, "file is null");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
