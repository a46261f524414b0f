package io.antfleet.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The soak's per-cycle samples and its verdict on them. After a warm-up of {@link #WARM_UP} cycles (class
 * loading, the JIT, the heap's young generation being touched for the first time), the thread count may move
 * by at most {@link #SPREAD}, so may the median of open file descriptors, and resident memory may grow by at most
 * {@link #RSS_GROWTH} from the median of the first {@link #WINDOW} cycles after the warm-up to the median
 * of the last {@link #WINDOW} (medians, so one sample taken while a collection runs moves nothing).
 *
 * <p>Why 10 %: antfleet runs under {@code -Xmx160m -XX:+UseSerialGC}; after the warm-up its RSS sits near
 * 200 MB and moves by a few MB as the old generation is touched. A leak of L kB per node per cycle over
 * 1,000 nodes and 90 cycles is 90 × L MB: on the heap it is retained, so the old generation's pages are
 * touched one after another and RSS grows with it (until the heap's cap, then OutOfMemoryError and the run
 * dies, which fails too); off the heap (sockets, direct buffers, thread stacks) RSS grows with it directly.
 * 10 % of ~200 MB is ~20 MB, over the ~80 cycles between the two windows: a leak of about 0.3 kB per node
 * per cycle already fails, and one of a few kB fails by far.
 */
final class SoakFigures {
    static final int WARM_UP = 10;
    static final int WINDOW = 10;
    static final double RSS_GROWTH = 0.10;
    static final int SPREAD = 2;

    private final List<ProcessSample> samples = new ArrayList<>();

    void add(ProcessSample sample) {
        if (!samples.isEmpty() && sample.cycle() != samples.get(samples.size() - 1).cycle() + 1) {
            throw new IllegalArgumentException("cycle " + sample.cycle() + " after " + samples.get(samples.size() - 1));
        }
        samples.add(sample);
    }

    int cycles() {
        return samples.size();
    }

    /** One line per cycle: cycle, gap since the previous report (s), RSS (MB), threads, fds. */
    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%5s %8s %9s %7s %5s%n", "cycle", "gap s",
                "RSS MB", "threads", "fds"));
        for (ProcessSample s : samples) {
            out.append(String.format(Locale.ROOT, "%5d %8.3f %9.1f %7d %5d%n", s.cycle(), s.gapMillis() / 1000.0,
                    s.rssKb() / 1024.0, s.threads(), s.fds()));
        }
        return out.toString();
    }

    /** One line: the figures the verdict is made of. */
    String summary() {
        if (samples.size() < WARM_UP + WINDOW) {
            return samples.size() + " cycles, too few for a summary";
        }
        List<ProcessSample> after = afterWarmUp();
        return String.format(Locale.ROOT, "%d cycles; after cycle %d: RSS median %.1f MB (cycles %d-%d) -> %.1f MB "
                + "(last %d), max %.1f MB; threads %d-%d; fds %d-%d (medians %d -> %d); gap median %.3f s, max %.3f s", samples.size(),
                WARM_UP, medianRssKb(early()) / 1024.0, early().get(0).cycle(), early().get(early().size() - 1).cycle(),
                medianRssKb(late()) / 1024.0, late().size(), max(after, ProcessSample::rssKb) / 1024.0,
                min(after, ProcessSample::threads), max(after, ProcessSample::threads), min(after, ProcessSample::fds),
                max(after, ProcessSample::fds), median(early(), ProcessSample::fds), median(late(), ProcessSample::fds),
                median(after, ProcessSample::gapMillis) / 1000.0,
                max(after, ProcessSample::gapMillis) / 1000.0);
    }

    /** What is not flat; empty when everything is. */
    List<String> problems() {
        if (samples.size() < WARM_UP + WINDOW) {
            return List.of("only " + samples.size() + " cycles; the verdict needs at least " + (WARM_UP + WINDOW));
        }
        List<String> out = new ArrayList<>();
        List<ProcessSample> after = afterWarmUp();
        spread(out, "threads", after, ProcessSample::threads);
        // medians: a sample taken while a sweep has its 64 sockets open is not a leak; one socket a cycle is
        long fdsBefore = median(early(), ProcessSample::fds);
        long fdsAfter = median(late(), ProcessSample::fds);
        if (fdsAfter - fdsBefore > SPREAD) {
            out.add("open file descriptors (median) went from " + fdsBefore + " to " + fdsAfter + " (more than " + SPREAD + ")");
        }
        long before = medianRssKb(early());
        long end = medianRssKb(late());
        if (end > before * (1 + RSS_GROWTH)) {
            out.add(String.format(Locale.ROOT, "resident memory grew from %.1f MB to %.1f MB (more than %.0f %%)",
                    before / 1024.0, end / 1024.0, RSS_GROWTH * 100));
        }
        return out;
    }

    private static void spread(List<String> out, String what, List<ProcessSample> after, ToLongFunction<ProcessSample> f) {
        long low = min(after, f);
        long high = max(after, f);
        if (high - low > SPREAD) {
            out.add(what + " moved from " + low + " to " + high + " after the warm-up (more than " + SPREAD + ")");
        }
    }

    private List<ProcessSample> afterWarmUp() {
        return samples.subList(Math.min(WARM_UP - 1, samples.size()), samples.size());
    }

    private List<ProcessSample> early() {
        List<ProcessSample> after = afterWarmUp();
        return after.subList(0, Math.min(WINDOW, after.size()));
    }

    private List<ProcessSample> late() {
        List<ProcessSample> after = afterWarmUp();
        return after.subList(Math.max(0, after.size() - WINDOW), after.size());
    }

    private static long medianRssKb(List<ProcessSample> window) {
        return median(window, ProcessSample::rssKb);
    }

    private static long median(List<ProcessSample> window, ToLongFunction<ProcessSample> f) {
        long[] values = window.stream().mapToLong(f).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    private static long min(List<ProcessSample> window, ToLongFunction<ProcessSample> f) {
        return window.stream().mapToLong(f).min().orElse(0);
    }

    private static long max(List<ProcessSample> window, ToLongFunction<ProcessSample> f) {
        return window.stream().mapToLong(f).max().orElse(0);
    }
}
