package io.antfleet.antctl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The per-node ` ✕ antnodeN: reason` lines start, stop and remove print before exiting 1. */
final class FailureLineParser {
    private static final Pattern FAILED = Pattern.compile("^\\s*✕ (antnode[0-9]+): (.*)$");

    List<NodeFailure> parse(String output) {
        List<NodeFailure> failures = new ArrayList<>();
        for (String line : Ansi.lines(output)) {
            Matcher m = FAILED.matcher(line.stripTrailing());
            if (m.matches()) {
                failures.add(new NodeFailure(m.group(1), m.group(2)));
            }
        }
        return failures;
    }
}
