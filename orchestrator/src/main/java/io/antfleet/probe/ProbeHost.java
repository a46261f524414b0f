package io.antfleet.probe;

/**
 * The host's figures as the container sees them in /proc (the host's, since /proc/loadavg, meminfo and stat are
 * not namespaced), plus the data volume. A figure the probe could not read is null. {@code cpuBusyTicks} and
 * {@code cpuIdleTicks} are cumulative: a CPU share needs two documents ({@link #cpuPercentSince}).
 */
public record ProbeHost(int cpus, Double load1, Double load5, Double load15, Long memTotalKb, Long memAvailableKb,
        Long cpuBusyTicks, Long cpuIdleTicks, Long diskTotalBytes, Long diskFreeBytes) {

    /** Percent of all CPUs busy between {@code earlier} and this reading; null when either lacks the ticks. */
    public Double cpuPercentSince(ProbeHost earlier) {
        if (earlier == null || cpuBusyTicks == null || cpuIdleTicks == null || earlier.cpuBusyTicks == null
                || earlier.cpuIdleTicks == null) {
            return null;
        }
        long busy = cpuBusyTicks - earlier.cpuBusyTicks;
        long total = busy + cpuIdleTicks - earlier.cpuIdleTicks;
        return busy < 0 || total <= 0 ? null : 100.0 * busy / total;
    }

    /** Percent of memory in use (MemTotal - MemAvailable); null when unknown. */
    public Double memoryPercent() {
        return memTotalKb == null || memAvailableKb == null || memTotalKb == 0 ? null
                : 100.0 * (memTotalKb - memAvailableKb) / memTotalKb;
    }
}
