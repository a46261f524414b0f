package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The golden files are honest: each has a row in SOURCES.md saying where it comes from, and every line of a
 * stdout fixture that claims to be derived from upstream matches one of antctl 0.14.2's format strings (the
 * table the stand-in's tests use too, in agent-image).
 */
class GoldenSourcesTest {
    private static final Path DIR = Path.of("src/test/resources/antctl/v0_14");
    private static final Path FORMATS = Path.of("../agent-image/src/test/resources/upstream/antctl-0.14.2-stdout.tsv");

    @Test
    void everyFixtureSaysWhereItComesFrom() throws IOException {
        Map<String, String> kinds = kinds();

        assertThat(kinds.keySet()).containsExactlyInAnyOrderElementsOf(fixtures());
        assertThat(kinds.values()).allMatch(k -> k.equals("derived") || k.equals("hand-written"));
    }

    @Test
    void everyLineOfADerivedStdoutFixtureIsOneTheRealToolCanPrint() throws IOException {
        List<Pattern> formats = formats();
        List<String> offending = new ArrayList<>();
        for (Map.Entry<String, String> e : kinds().entrySet()) {
            if (!e.getValue().equals("derived") || !e.getKey().endsWith(".txt") || e.getKey().contains(".stderr.")) {
                continue;
            }
            for (String line : Files.readAllLines(DIR.resolve(e.getKey()), StandardCharsets.UTF_8)) {
                if (formats.stream().noneMatch(p -> p.matcher(line).matches())) {
                    offending.add(e.getKey() + ": '" + line + "'");
                }
            }
        }

        assertThat(offending).isEmpty();
    }

    private static List<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SOURCES.md")).toList();
        }
    }

    private static Map<String, String> kinds() throws IOException {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("SOURCES.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            if (cells.length >= 4 && !cells[1].isBlank() && !cells[1].contains("fixture") && !cells[1].contains("---")) {
                kinds.put(cells[1].trim(), cells[2].trim());
            }
        }
        return kinds;
    }

    private static List<Pattern> formats() throws IOException {
        List<Pattern> formats = new ArrayList<>();
        for (String line : Files.readAllLines(FORMATS, StandardCharsets.UTF_8)) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                formats.add(Pattern.compile(line.substring(line.indexOf('\t') + 1)));
            }
        }
        return formats;
    }
}
