package io.antfleet.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process's live heap: {@code jcmd <pid> GC.class_histogram} runs a full collection first, so its total
 * is what is still referenced, bytes by class. Resident memory alone sees a heap leak late (the heap's pages
 * are touched whether what fills them is garbage or not); two histograms see it to the class.
 */
record LiveHeap(long bytes, Map<String, Long> byClass) {
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");

    LiveHeap {
        byClass = Map.copyOf(byClass);
    }

    /** The histogram of the live process {@code pid}, through the jcmd next to this JVM. */
    static LiveHeap of(long pid) {
        return parse(jcmd(pid, "GC.class_histogram"));
    }

    /** Attaches once ({@code VM.version}): the target's Attach Listener thread starts then and stays. */
    static void attach(long pid) {
        jcmd(pid, "VM.version");
    }

    private static List<String> jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path out = null;
        try {
            // to a file, not a pipe: reading a pipe could block past any bound
            out = Files.createTempFile("soak-histogram", ".txt");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            List<String> lines = Files.readAllLines(out);
            if (!done || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + lines);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while jcmd ran", e);
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }

    static LiveHeap parse(List<String> histogram) {
        Map<String, Long> byClass = new HashMap<>();
        Long total = null;
        for (String line : histogram) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                byClass.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
                continue;
            }
            Matcher t = TOTAL.matcher(line);
            if (t.find()) {
                total = Long.parseLong(t.group(1));
            }
        }
        if (total == null) {
            throw new IllegalStateException("no Total line in the class histogram: " + histogram);
        }
        return new LiveHeap(total, byClass);
    }

    /** The {@code n} classes that grew most from {@code this} to {@code later}, e.g. {@code [B +1.2 MB}. */
    List<String> grownMost(LiveHeap later, int n) {
        return later.byClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - byClass.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%s +%.1f kB", e.getKey(), e.getValue() / 1024.0))
                .toList();
    }
}
