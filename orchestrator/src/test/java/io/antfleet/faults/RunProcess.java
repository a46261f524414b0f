package io.antfleet.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.function.Predicate;

/**
 * A real {@code java -jar antfleet.jar ...} subprocess (so its memory and threads are its own): its stdout
 * line by line through a reader thread, its stderr to a file. The reader thread reads {@code /proc/<pid>} the
 * moment a line it is told to sample arrives, so a caller busy elsewhere (jcmd) still gets the figures of
 * that moment, not of the next cycle. {@link #close()} kills the process if it still runs.
 */
final class RunProcess implements AutoCloseable {
    /** A stdout line, when it arrived ({@link System#nanoTime()}), and the process's figures then if asked for. */
    record Printed(String text, long atNanos, Optional<ProcessSample.Proc> proc) {
    }

    /** Put on the queue at the end of stdout; compared by identity. */
    private static final Printed END = new Printed("end of output", 0, Optional.empty());

    private final Process process;
    private final Path stderr;
    private final Predicate<String> sample;
    private final BlockingQueue<Printed> lines = new LinkedBlockingQueue<>();

    private RunProcess(Process process, Path stderr, Predicate<String> sample) {
        this.process = process;
        this.stderr = stderr;
        this.sample = sample;
        Thread reader = new Thread(this::read, "soak-run-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static RunProcess start(List<String> command, Path stderr, Predicate<String> sample) {
        try {
            return new RunProcess(new ProcessBuilder(command).redirectError(stderr.toFile()).start(), stderr, sample);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start " + command, e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long at = System.nanoTime();
                Optional<ProcessSample.Proc> proc = sample.test(line) && process.isAlive()
                        ? Optional.of(ProcessSample.Proc.read(process.pid())) : Optional.empty();
                lines.add(new Printed(line, at, proc));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            lines.add(new Printed("(stdout unreadable: " + e + ")", System.nanoTime(), Optional.empty()));
        } finally {
            lines.add(END);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The next stdout line; empty at the end of output; fails when none comes within {@code bound}. */
    Optional<Printed> next(Duration bound) throws InterruptedException {
        Printed line = lines.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
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
        Optional<Printed> line;
        while ((line = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))).isPresent()) {
            rest.add(line.get().text());
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
