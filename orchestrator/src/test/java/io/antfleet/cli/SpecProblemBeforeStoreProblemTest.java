package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.config.spec.SpecLoaderTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec problem is reported (exit 2) even when the database cannot be opened; a valid spec then meets the store's error. */
class SpecProblemBeforeStoreProblemTest {
    @TempDir
    Path dir;

    @Test
    void aMalformedSpecExitsTwoWithItsProblemWhenTheDatabaseCannotBeOpened() throws IOException {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, SpecLoaderTest.VALID.replace("    nodes: 4", "    nodez: 4"));

        Result r = apply(spec);

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(spec + ":12:5: unknown key 'nodez'");
    }

    @Test
    void aValidSpecStillMeetsTheDatabaseError() throws IOException {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, SpecLoaderTest.VALID);

        Result r = apply(spec);

        assertThat(r.code()).isNotEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("could not migrate").doesNotContain(spec.toString());
    }

    private Result apply(Path spec) throws IOException {
        // A file where the database's directory should be: H2 cannot create its database there.
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "--db", "jdbc:h2:file:" + notADirectory.resolve("db"), "apply", spec.toString(), "--dry-run");
        return new Result(code, err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String err) {
    }
}
