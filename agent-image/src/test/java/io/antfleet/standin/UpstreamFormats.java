package io.antfleet.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stdout lines real antctl 0.14.2 can print, as patterns made from its format strings, with the upstream
 * file and line of each ({@code /upstream/antctl-0.14.2-stdout.tsv}). Every stand-in output the tests see is
 * checked against this table, so the stand-in is compared with the real tool, not with its own constants.
 */
final class UpstreamFormats {
    record Format(String source, Pattern pattern) {
    }

    static final List<Format> ALL = load();

    private UpstreamFormats() {
    }

    private static List<Format> load() {
        try (InputStream in = UpstreamFormats.class.getResourceAsStream("/upstream/antctl-0.14.2-stdout.tsv")) {
            List<Format> formats = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                formats.add(new Format(line.substring(0, tab), Pattern.compile(line.substring(tab + 1))));
            }
            return List.copyOf(formats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of this stdout that no upstream format string can produce. */
    static List<String> unknownLines(String stdout) {
        List<String> unknown = new ArrayList<>();
        String body = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
        for (String line : body.split("\n", -1)) {
            if (ALL.stream().noneMatch(f -> f.pattern().matcher(line).matches())) {
                unknown.add(line);
            }
        }
        return unknown;
    }

    /** Throws when an antctl stdout (not status --json, which is JSON) has a line the real tool cannot print. */
    static void check(List<String> args, String stdout) {
        if (args.contains("--json") || stdout.isEmpty()) {
            return;
        }
        List<String> unknown = unknownLines(stdout);
        if (!unknown.isEmpty()) {
            throw new AssertionError("antctl " + String.join(" ", args) + " printed lines no upstream format string "
                    + "of antctl 0.14.2 produces: " + unknown + "\n--- stdout ---\n" + stdout);
        }
    }
}
