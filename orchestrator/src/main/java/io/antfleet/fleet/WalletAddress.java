package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** An EVM rewards address: {@code 0x} and 40 hex digits, as antctl requires. */
public record WalletAddress(String value) {
    private static final Pattern PATTERN = Pattern.compile("0x[0-9a-fA-F]{40}");

    public WalletAddress {
        requireNonNull(value, "value is null");
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid wallet address '" + value + "' (expected 0x followed by 40 hex digits)");
        }
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
