package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.decide.HostSample;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns two readings of the host's cumulative counters into a {@link HostSample}: CPU % and I/O rates
 * between the previous reading and this one. The first sample has no previous reading and is measured
 * against boot (all counters zero), i.e. it reports averages since boot rather than zeros.
 * Not thread-safe: one run loop owns one sampler.
 */
public final class HostSampler {
    private final HostCounters counters;
    private final Clock clock;
    private final List<Path> dataPaths;
    private HostCounters.Raw previous;
    private Instant previousAt;
    private Instant bootTime;

    public HostSampler(HostCounters counters, Clock clock, List<Path> dataPaths) {
        this.counters = requireNonNull(counters, "counters is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.dataPaths = List.copyOf(dataPaths);
    }

    public HostSample sample() {
        Instant now = clock.instant();
        HostCounters.Raw current = counters.read(dataPaths);
        bootTime = current.bootTime();
        HostCounters.Raw before = previous != null ? previous : atBoot(current.bootTime());
        Instant beforeAt = previous != null ? previousAt : current.bootTime();
        double seconds = Math.max(Duration.between(beforeAt, now).toMillis() / 1000.0, 0.001);
        previous = current;
        previousAt = now;
        return new HostSample(
                cpuPercent(before, current),
                memPercent(current),
                current.volumeUsedPercent().stream().mapToDouble(Double::doubleValue).max().orElse(0),
                current.load1(), current.load5(), current.load15(),
                rate(before.diskReadBytes(), current.diskReadBytes(), seconds),
                rate(before.diskWriteBytes(), current.diskWriteBytes(), seconds),
                rate(before.netRxBytes(), current.netRxBytes(), seconds),
                rate(before.netTxBytes(), current.netTxBytes(), seconds));
    }

    /** The host's boot time as of the last sample (null before the first). */
    public Instant lastBootTime() {
        return bootTime;
    }

    private static HostCounters.Raw atBoot(Instant bootTime) {
        return new HostCounters.Raw(bootTime, 0, 0, 0, 0, List.of(), 0, 0, 0, 0, 0, 0, 0);
    }

    private static double cpuPercent(HostCounters.Raw before, HostCounters.Raw current) {
        long total = current.cpuTotalTicks() - before.cpuTotalTicks();
        long busy = current.cpuBusyTicks() - before.cpuBusyTicks();
        return total <= 0 || busy < 0 ? 0 : clampPercent(100.0 * busy / total);
    }

    private static double memPercent(HostCounters.Raw current) {
        if (current.memTotalBytes() <= 0) {
            return 0;
        }
        return clampPercent(100.0 * (current.memTotalBytes() - current.memAvailableBytes()) / current.memTotalBytes());
    }

    /** A counter that went backwards (an interface or disk came and went) yields 0, not a negative rate. */
    private static double rate(long before, long now, double seconds) {
        return now < before ? 0 : (now - before) / seconds;
    }

    private static double clampPercent(double value) {
        return Math.max(0, Math.min(100, value));
    }
}
