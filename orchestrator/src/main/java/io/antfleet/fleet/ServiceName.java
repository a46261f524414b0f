package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node's service name in its manager's registry: antctl's {@code antnode<N>}, or {@code node<N>} for
 * {@code ant node} (ant-v2-contract.md §4.2). The number is the manager's, per container, never reused
 * until a reset.
 */
public record ServiceName(String value) implements Comparable<ServiceName> {
    /** antctl's prefix. */
    public static final String ANTCTL_PREFIX = "antnode";
    /** {@code ant node}'s prefix. */
    public static final String ANT_PREFIX = "node";
    private static final Pattern PATTERN = Pattern.compile("(antnode|node)([1-9][0-9]{0,8})");

    public ServiceName {
        requireNonNull(value, "value is null");
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid service name '" + value + "' (expected antnode<N> or node<N>, e.g. antnode3)");
        }
    }

    public static ServiceName of(String value) {
        return new ServiceName(value);
    }

    public static ServiceName ofNumber(int number) {
        return ofNumber(ANTCTL_PREFIX, number);
    }

    /** {@code prefix} is {@link #ANTCTL_PREFIX} or {@link #ANT_PREFIX}. */
    public static ServiceName ofNumber(String prefix, int number) {
        return new ServiceName(prefix + number);
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    public int number() {
        Matcher m = PATTERN.matcher(value);
        m.matches();
        return Integer.parseInt(m.group(2));
    }

    public String prefix() {
        Matcher m = PATTERN.matcher(value);
        m.matches();
        return m.group(1);
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
