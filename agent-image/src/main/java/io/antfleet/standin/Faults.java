package io.antfleet.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scripted faults for reliability tests, read from {@code <standinDir>/faults}, one per line:
 * <pre>
 *   add exit=1 message=disk full        # fail with this exit code and message (rest of the line)
 *   start hang=30                       # sleep 30 s, then run normally
 *   status json=truncated               # or json=malformed: broken status --json output
 *   stop exit=1 message=boom times=2    # only the next 2 invocations, then the line is dropped
 *   * exit=1 message=all broken         # any subcommand
 * </pre>
 * Blank lines and lines starting with # are ignored.
 */
final class Faults {
    record Fault(String command, Map<String, String> settings) {
        Optional<String> get(String key) {
            return Optional.ofNullable(settings.get(key));
        }
    }

    private final Path file;

    Faults(Path file) {
        this.file = file;
    }

    static Fault parseLine(String line) {
        String trimmed = line.trim();
        int space = trimmed.indexOf(' ');
        String command = space < 0 ? trimmed : trimmed.substring(0, space);
        Map<String, String> settings = new LinkedHashMap<>();
        String rest = space < 0 ? "" : trimmed.substring(space + 1).trim();
        while (!rest.isEmpty()) {
            if (rest.startsWith("message=")) {
                settings.put("message", rest.substring("message=".length()));
                break;
            }
            int next = rest.indexOf(' ');
            String pair = next < 0 ? rest : rest.substring(0, next);
            int eq = pair.indexOf('=');
            if (eq > 0) {
                settings.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            rest = next < 0 ? "" : rest.substring(next + 1).trim();
        }
        return new Fault(command, settings);
    }

    /** The first fault for this subcommand, consuming one of its {@code times} if it has a limit. */
    Optional<Fault> take(String command) {
        List<String> lines = read();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            Fault fault = parseLine(line);
            if (!fault.command().equals(command) && !fault.command().equals("*")) {
                continue;
            }
            fault.get("times").ifPresent(t -> consume(lines, line, Integer.parseInt(t)));
            return Optional.of(fault);
        }
        return Optional.empty();
    }

    private void consume(List<String> lines, String line, int times) {
        List<String> updated = new ArrayList<>(lines);
        int index = updated.indexOf(line);
        if (times <= 1) {
            updated.remove(index);
        } else {
            updated.set(index, line.replace("times=" + times, "times=" + (times - 1)));
        }
        try {
            Files.write(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("Could not update the stand-in fault file " + file + ": " + e.getMessage());
        }
    }

    private List<String> read() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
