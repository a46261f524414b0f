package io.antfleet.engine.report;

import java.util.Locale;

/** wnm's report formats: text, json, env ({@code KEY=value} lines) and config ({@code key=value} lines). */
public enum ReportFormat {
    TEXT,
    JSON,
    ENV,
    CONFIG;

    public static ReportFormat parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown report format '" + value + "' (expected text, json, env or config)", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
