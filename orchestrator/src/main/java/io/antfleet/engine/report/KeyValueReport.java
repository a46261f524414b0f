package io.antfleet.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * wnm's flat reports ({@code machine-config}, {@code machine-metrics}): text {@code key: value} lines, JSON
 * (numbers and booleans as such), env {@code KEY=value} lines and config {@code key=value} lines as in
 * wnm's config file. Values of {@code quoted} keys, and map values, are double-quoted in env and config.
 */
public final class KeyValueReport {
    private KeyValueReport() {
    }

    public static String render(Map<String, ?> values, ReportFormat format, Set<String> quoted) {
        if (format == ReportFormat.JSON) {
            Map<String, Object> typed = new LinkedHashMap<>();
            values.forEach((k, v) -> typed.put(k, v instanceof String ? typed((String) v) : v));
            return ReportJson.write(typed);
        }
        List<String> lines = new ArrayList<>();
        values.forEach((key, value) -> {
            String text = text(value);
            boolean quote = value instanceof Map || quoted.contains(key);
            switch (format) {
                case ENV:
                    lines.add(key.toUpperCase(Locale.ROOT) + "=" + (quote ? "\"" + text + "\"" : text));
                    break;
                case CONFIG:
                    lines.add(key + "=" + (quote ? "\"" + text + "\"" : text));
                    break;
                default:
                    lines.add(key + ": " + text);
            }
        });
        return String.join("\n", lines);
    }

    /** As Python prints values: None, {'a': 1}; whole doubles keep their ".0". */
    static String text(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Map) {
            return ((Map<?, ?>) value).entrySet().stream().map(e -> "'" + e.getKey() + "': " + text(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /** A stored setting (always text) as JSON would want it: a number, a boolean or the text itself. */
    static Object typed(String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.valueOf(value);
        }
        if (value.matches("-?\\d{1,18}")) {
            return Long.valueOf(value);
        }
        if (value.matches("-?\\d+\\.\\d+")) {
            return Double.valueOf(value);
        }
        return value;
    }
}
