package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.config.spec.MalformedSpecCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed spec of the corpus makes {@code antfleet apply --dry-run} exit 2 with its problem on stderr. */
class MalformedSpecExitCodeTest {
    @TempDir
    Path dir;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return MalformedSpecCorpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applyExitsTwoAndPrintsTheProblem(String name, String text, String expected) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "apply", file.toString(), "--dry-run");

        assertThat(code).as(name).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).as(name).startsWith(dir + "/" + expected);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
