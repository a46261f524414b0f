package io.antfleet.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations the build ships (schema/, copied into the jar's db/migration), so that tests expect the schema as it
 * is, not as it was when they were written: each wave adds its own numbered migration.
 */
final class SchemaFiles {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    private SchemaFiles() {
    }

    static int count() {
        return versions().size();
    }

    /** The highest version, as Flyway prints it. */
    static String latest() {
        return String.valueOf(versions().stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    private static List<Integer> versions() {
        // the tests run in orchestrator/; schema/ beside it is what the jar ships as db/migration
        try (Stream<Path> files = Files.list(Path.of("..", "schema"))) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
