package io.antfleet.config.settings;

import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.decide.RemovalStrategy;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a setting's text becomes a typed value; {@link #parse} throws IllegalArgumentException naming the bad value. */
public enum SettingType {
    COUNT, POSITIVE, PERCENT, NUMBER, BYTES_PER_SECOND, SECONDS, PORT_BASE, REMOVAL_STRATEGY, ADDRESS;

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");

    /**
     * @param wnmStyle the value came under wnm's name: its port settings are in thousands (55 → 55000)
     */
    Object parse(String raw, boolean wnmStyle) {
        String text = raw.trim();
        switch (this) {
            case COUNT:
                return integer(text, 0, 1_000_000);
            case POSITIVE:
                return integer(text, 1, 1_000_000);
            case PERCENT:
                return integer(text, 0, 100);
            case NUMBER:
                return positiveNumber(text);
            case BYTES_PER_SECOND:
                return (long) integer(text, 0, Integer.MAX_VALUE);
            case SECONDS:
                return duration(text);
            case PORT_BASE:
                int port = integer(text, 1, 65535);
                return wnmStyle && port <= 65 ? port * 1000 : port;
            case REMOVAL_STRATEGY:
                return RemovalStrategy.fromLabel(text);
            default:
                return new WalletAddress(text);
        }
    }

    private static int integer(String text, int min, int max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(text + " is out of range " + min + "-" + max);
        }
        return (int) value;
    }

    private static double positiveNumber(String text) {
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a positive number");
    }

    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (expected seconds, or e.g. 300s, 10m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return Duration.ofSeconds(n);
        }
    }
}
