package io.antfleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Host facts the bench reports: this process's peak resident set size (Linux {@code VmHWM}), the figure an operator's `ps`/`top` shows. */
final class PeakMemory {
    private PeakMemory() {
    }

    /** CPU seconds this JVM has used so far, all threads (sweep workers, GC, JIT included). */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static long peakResidentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Linux's {@code ip_local_port_range} (the ports outgoing connections take) as {first, last}, or null. */
    static int[] ephemeralRange() {
        try {
            String[] parts = String.join(" ", Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")))
                    .strip().split("\\s+");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Linux's {@code kernel.pid_max} (every node is a process), or -1. */
    static long pidMax() {
        try {
            return Long.parseLong(String.join("", Files.readAllLines(Path.of("/proc/sys/kernel/pid_max"))).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Linux's {@code ip_local_reserved_ports}, or "none". */
    static String reservedPorts() {
        try {
            // readAllLines, not readString: /proc files report size 0
            String value = String.join(",", Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_reserved_ports"))).strip();
            return value.isEmpty() ? "none" : value;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
