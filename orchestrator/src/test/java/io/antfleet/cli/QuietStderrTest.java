package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.store.DataHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** antfleet as its own process ({@link Main#main}), since the log level is set once per JVM. */
class QuietStderrTest {
    @TempDir
    Path dataHome;

    private record Run(int code, String out, String err) {
    }

    private Run antfleet(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + DataHome.PROPERTY + "=" + dataHome, Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out, err.get(1, TimeUnit.MINUTES));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFirstMigrationPrintsItsResultAndNoLogLinesUnlessVerbose() throws Exception {
        Run quiet = antfleet("db", "migrate");

        assertThat(quiet.code()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("applied");
        assertThat(quiet.err()).isEmpty();

        Run verbose = antfleet("-v", "db", "migrate", "--db", "jdbc:h2:file:" + dataHome.resolve("second"));
        assertThat(verbose.code()).as(verbose.err()).isZero();
        assertThat(verbose.err()).contains("INFO");
    }

    @Test
    void verboseIsFoundBeforeOrAfterTheSubcommandButNotAfterADoubleDash() {
        assertThat(LogLevel.verbose("-v", "status")).isTrue();
        assertThat(LogLevel.verbose("status", "--verbose")).isTrue();
        assertThat(LogLevel.verbose("status")).isFalse();
        assertThat(LogLevel.verbose("apply", "--", "-v")).isFalse();
    }
}
