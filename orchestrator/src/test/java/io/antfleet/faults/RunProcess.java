package io.antfleet.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code java -jar antfleet.jar ...} subprocess (so its memory and threads are its own): its stdout
 * line by line through a reader thread, its stderr to a file. {@link #close()} kills it if it still runs.
 */
final class RunProcess implements AutoCloseable {
    /** Put on the queue at the end of stdout; compared by identity. */
    private static final String END = new String("end of output");

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private RunProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::read, "soak-run-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static RunProcess start(List<String> command, Path stderr) {
        try {
            return new RunProcess(new ProcessBuilder(command).redirectError(stderr.toFile()).start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stdout unreadable: " + e + ")");
        } finally {
            lines.add(END);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The next stdout line; empty at the end of output; fails when none comes within {@code bound}. */
    Optional<String> next(Duration bound) throws InterruptedException {
        String line = lines.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("antfleet run printed nothing for " + bound.toSeconds() + " s; stderr ends:\n"
                    + stderrTail());
        }
        if (line == END) {
            lines.add(END);
            return Optional.empty();
        }
        return Optional.of(line);
    }

    /** SIGTERM (the run's shutdown hook lets the cycle in progress finish), then the stdout lines it still printed. */
    List<String> stop(Duration bound) throws InterruptedException {
        // through the handle: Process.destroy() also closes our end of stdout, losing what is still unread
        process.toHandle().destroy();
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> rest = new ArrayList<>();
        Optional<String> line;
        while ((line = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))).isPresent()) {
            rest.add(line.get());
        }
        return rest;
    }

    String stderrTail() {
        try {
            List<String> all = Files.readAllLines(stderr);
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
