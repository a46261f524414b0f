package io.antfleet.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs a host command (argument list, no shell) for test fixtures that set up engines, links and mounts. */
public final class HostCommand {
    private HostCommand() {
    }

    /** Exit code and merged stdout/stderr; -1 with the reason when it could not run or timed out. */
    public record Result(int exit, String out) {
    }

    /** Runs {@code command}, killed past {@code timeout}; never throws. */
    public static Result run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            }, "host-command");
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                reader.join(5_000);
                return new Result(-1, "timed out after " + timeout + ": " + command);
            }
            reader.join(5_000);
            return new Result(p.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /**
     * A fixture's directory gone: what is mounted under it unmounted, deepest first (lazily where a plain umount
     * fails), then the tree deleted. Whatever is left is named after the fixture's run: {@code owner} reports it on
     * stderr rather than hiding it.
     */
    public static void unmountAndDelete(Path dir, String owner) {
        List<String> mounts;
        try (Stream<String> lines = Files.lines(Path.of("/proc/mounts"))) {
            mounts = lines.map(l -> l.split(" ")[1]).filter(m -> m.startsWith(dir.toString()))
                    .sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String m : mounts) {
            if (run(List.of("umount", m), Duration.ofSeconds(30)).exit() != 0) {
                run(List.of("umount", "-l", m), Duration.ofSeconds(30));
            }
        }
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println(owner + ": could not delete all of " + dir + ": " + e.getMessage());
        }
    }
}
