package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An antctl service name, {@code antnode<N>}; the number is antctl's, per container, never reused. */
public record ServiceName(String value) implements Comparable<ServiceName> {
    private static final Pattern PATTERN = Pattern.compile("antnode([1-9][0-9]{0,8})");

    public ServiceName {
        requireNonNull(value, "value is null");
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid service name '" + value + "' (expected antnode<N>, e.g. antnode3)");
        }
    }

    public static ServiceName of(String value) {
        return new ServiceName(value);
    }

    public static ServiceName ofNumber(int number) {
        return new ServiceName("antnode" + number);
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    public int number() {
        Matcher m = PATTERN.matcher(value);
        m.matches();
        return Integer.parseInt(m.group(1));
    }

    @Override
    public int compareTo(ServiceName other) {
        return Integer.compare(number(), other.number());
    }

    @Override
    public String toString() {
        return value;
    }
}
