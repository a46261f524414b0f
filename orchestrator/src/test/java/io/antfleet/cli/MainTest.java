package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void helpTeachesTheGlobalOptionsAndExitsZero() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--db", "--output", "--config");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitTwo() {
        assertThat(run("--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--no-such-option");
    }

    @Test
    void aBadOutputFormatIsAUsageError() {
        assertThat(run("--output", "xml", "--help")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'xml' is not an output format");
    }

    @Test
    void versionNamesTheProduct() {
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("antfleet ");
    }
}
