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
        return java(Main.class, args);
    }

    private Run java(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + DataHome.PROPERTY + "=" + dataHome, main.getName()));
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
    void aFirstMigrationPrintsItsResultAndNothingOnStderr() throws Exception {
        Run quiet = antfleet("db", "migrate");

        assertThat(quiet.code()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("applied");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void logLinesOfAnyLevelReachStderrOnlyWithVerbose() throws Exception {
        Run quiet = java(LoggingProbe.class, "status");
        Run verbose = java(LoggingProbe.class, "-v", "status");

        assertThat(quiet.code()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(verbose.err()).contains("probe info").contains("probe warning").contains("probe error");
    }

    /** Sets the level as {@link Main#main} does, then logs at three levels, as antfleet's classes do. */
    static final class LoggingProbe {
        public static void main(String[] args) {
            LogLevel.configure(args);
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LoggingProbe.class);
            log.info("probe info");
            log.warn("probe warning");
            log.error("probe error");
        }
    }

    @Test
    void verboseIsFoundBeforeOrAfterTheSubcommandButNotAfterADoubleDash() {
        assertThat(LogLevel.verbose("-v", "status")).isTrue();
        assertThat(LogLevel.verbose("status", "--verbose")).isTrue();
        assertThat(LogLevel.verbose("status")).isFalse();
        assertThat(LogLevel.verbose("apply", "--", "-v")).isFalse();
    }
}
