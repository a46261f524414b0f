package io.antfleet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a cycle's CPU went, by thread group: the JVM's live threads' CPU nanoseconds summed by name with the
 * trailing number dropped ({@code antfleet-sweep-12} counts as {@code antfleet-sweep}), so that a difference
 * of two snapshots says how much the sweep's workers, the store's background writer and the cycle's own
 * thread each used. Threads that ended between the snapshots are not counted; GC is in no Java thread.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** CPU nanoseconds used so far by each thread that is alive now, by thread id. */
    static Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** The CPU nanoseconds each thread group used between {@code before} and {@code after}. */
    static Map<String, Long> byGroup(Map<Long, Long> before, Map<Long, Long> after) {
        Map<String, Long> groups = new TreeMap<>();
        after.forEach((id, nanos) -> {
            long used = nanos - before.getOrDefault(id, 0L);
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (used > 0 && info != null) {
                groups.merge(group(info.getThreadName()), used, Long::sum);
            }
        });
        return groups;
    }

    /**
     * "main 0.050, antfleet-sweep 0.090, other (GC, JVM) 0.020" in CPU seconds per cycle, largest first, groups
     * under 5 ms together; {@code total} is the process's CPU over the same cycles (what no Java thread used is GC
     * and the JVM's own threads).
     */
    static String describe(Map<String, Long> groups, int cycles, long totalPerCycle) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<String> parts = new ArrayList<>();
        long named = 0;
        long small = 0;
        for (Map.Entry<String, Long> e : sorted) {
            long perCycle = e.getValue() / cycles;
            named += perCycle;
            if (perCycle < 5_000_000) {
                small += perCycle;
            } else {
                parts.add(String.format(Locale.ROOT, "%s %.3f", e.getKey(), perCycle / 1e9));
            }
        }
        parts.add(String.format(Locale.ROOT, "other threads %.3f", small / 1e9));
        parts.add(String.format(Locale.ROOT, "GC and JVM %.3f", Math.max(0, totalPerCycle - named) / 1e9));
        return String.join(", ", parts);
    }

    static String group(String threadName) {
        int path = threadName.indexOf(" /");
        if (path > 0) {
            threadName = threadName.substring(0, path);
        }
        int end = threadName.length();
        while (end > 0 && (Character.isDigit(threadName.charAt(end - 1)) || threadName.charAt(end - 1) == '-')) {
            end--;
        }
        return end == 0 ? threadName : threadName.substring(0, end);
    }
}
