package io.antfleet.antctl;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code antctl --version}: a release line or a nightly line, then optional package and git lines. */
final class VersionParser {
    private static final Pattern RELEASE = Pattern.compile("^Autonomi Node Manager v([0-9]+\\.[0-9]+\\.[0-9]+\\S*)$");
    private static final Pattern NIGHTLY = Pattern.compile("^Autonomi Node Manager -- Nightly Release ([0-9]{4}\\.[0-9]{2}\\.[0-9]{2})$");

    private VersionParser() {
    }

    static AntctlVersion parse(String stdout) {
        List<String> lines = Ansi.lines(stdout).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new AntctlOutputException("--version printed nothing");
        }
        String packageVersion = valueAfter(lines, "Package version: ");
        String gitInfo = valueAfter(lines, "Git info: ");
        Matcher release = RELEASE.matcher(lines.get(0));
        if (release.matches()) {
            return new AntctlVersion(release.group(1), null, packageVersion, gitInfo);
        }
        Matcher nightly = NIGHTLY.matcher(lines.get(0));
        if (nightly.matches()) {
            return new AntctlVersion(null, nightly.group(1), packageVersion, gitInfo);
        }
        throw new AntctlOutputException("--version printed '" + lines.get(0)
                + "', expected 'Autonomi Node Manager v<X.Y.Z>' or a nightly release line");
    }

    private static String valueAfter(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElse(null);
    }
}
