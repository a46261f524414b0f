package io.antfleet.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One soak cycle as seen from outside the process: the cycle number, milliseconds since the previous
 * cycle's report (the cycle's wall time plus the run's interval), resident memory ({@code VmRSS}, kB),
 * threads and open file descriptors, read from {@code /proc/<pid>}.
 */
record ProcessSample(int cycle, long gapMillis, long rssKb, int threads, int fds) {
    ProcessSample {
        if (cycle < 1 || gapMillis < 0 || rssKb < 0 || threads < 0 || fds < 0) {
            throw new IllegalArgumentException("not a sample: cycle " + cycle + ", gap " + gapMillis + " ms, rss "
                    + rssKb + " kB, " + threads + " threads, " + fds + " fds");
        }
    }

    static ProcessSample of(int cycle, long gapMillis, Proc proc) {
        return new ProcessSample(cycle, gapMillis, proc.rssKb(), proc.threads(), proc.fds());
    }

    /** What {@code /proc/<pid>} says at one moment. */
    record Proc(long rssKb, int threads, int fds) {
        /** Reads the live process {@code pid}; fails when it has gone. */
        static Proc read(long pid) {
            Path proc = Path.of("/proc", Long.toString(pid));
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                // readAllLines, not readString: /proc files report size 0
                List<String> status = Files.readAllLines(proc.resolve("status"));
                return new Proc(field(status, "VmRSS:"), (int) field(status, "Threads:"), (int) fds.count());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read /proc/" + pid + " (has the process gone?)", e);
            }
        }
    }

    /** The number in a {@code /proc/<pid>/status} line such as {@code VmRSS:   123456 kB}. */
    static long field(List<String> status, String name) {
        return status.stream().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).replaceAll("[^0-9]", "")))
                .orElseThrow(() -> new IllegalStateException("no " + name + " in " + status));
    }
}
