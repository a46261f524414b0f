package io.antfleet.metrics;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The raw, cumulative counters of the host a {@link HostSampler} turns into percentages and rates.
 * Implementations may be slow (they read the OS); they are called once per sample, from one thread.
 */
public interface HostCounters {
    Raw read(List<Path> dataPaths);

    /**
     * One reading. CPU ticks and byte counters are cumulative since boot; {@code volumeUsedPercent} holds,
     * per volume (file store) holding a data path, its used percentage.
     */
    record Raw(
            Instant bootTime,
            long cpuBusyTicks,
            long cpuTotalTicks,
            long memTotalBytes,
            long memAvailableBytes,
            List<Double> volumeUsedPercent,
            double load1,
            double load5,
            double load15,
            long diskReadBytes,
            long diskWriteBytes,
            long netRxBytes,
            long netTxBytes) {

        public Raw {
            java.util.Objects.requireNonNull(bootTime, "bootTime is null");
            volumeUsedPercent = List.copyOf(volumeUsedPercent);
        }
    }
}
