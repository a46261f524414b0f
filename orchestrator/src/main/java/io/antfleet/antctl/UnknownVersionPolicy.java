package io.antfleet.antctl;

import java.util.Locale;

/** What to do with an antctl version no dialect is known for (setting {@code antctl.unknownVersion}). */
public enum UnknownVersionPolicy {
    /** Log a warning and drive it with the newest dialect. */
    WARN,
    /** Refuse to drive it. */
    REFUSE;

    public static UnknownVersionPolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("invalid antctl.unknownVersion '" + value + "' (expected warn or refuse)");
        }
    }
}
