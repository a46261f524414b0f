package io.antfleet.antctl;

import java.util.List;
import java.util.regex.Pattern;

/** antctl colours its output on a terminal only; strip escapes anyway so a forced colour cannot break parsing. */
final class Ansi {
    private static final Pattern ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private Ansi() {
    }

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return ESCAPE.matcher(text).replaceAll("").replace("\r", "").lines().toList();
    }
}
