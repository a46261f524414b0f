package io.antfleet.fleet.spec;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A container's Docker resource limits; empty means unlimited. */
public record Limits(OptionalDouble cpus, Optional<Long> memoryBytes) {
    public static final Limits NONE = new Limits(OptionalDouble.empty(), Optional.empty());
    private static final Pattern MEMORY = Pattern.compile("([0-9]{1,15})([bkmg]?)");

    public Limits {
        if (cpus.isPresent() && !(cpus.getAsDouble() > 0)) {
            throw new IllegalArgumentException("cpus " + cpus.getAsDouble() + " must be positive");
        }
        if (memoryBytes.isPresent() && memoryBytes.get() < 4L * 1024 * 1024) {
            throw new IllegalArgumentException("memory " + memoryBytes.get() + " bytes is below Docker's minimum of 4m");
        }
    }

    /** Docker's syntax: a number of bytes with an optional unit b, k, m or g (powers of 1024), e.g. 512m, 4g. */
    public static long parseMemory(String text) {
        Matcher m = MEMORY.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid memory size '" + text + "' (expected e.g. 512m or 4g)");
        }
        long value = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "k":
                return Math.multiplyExact(value, 1024L);
            case "m":
                return Math.multiplyExact(value, 1024L * 1024);
            case "g":
                return Math.multiplyExact(value, 1024L * 1024 * 1024);
            default:
                return value;
        }
    }
}
