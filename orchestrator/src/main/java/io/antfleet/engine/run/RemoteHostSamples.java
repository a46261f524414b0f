package io.antfleet.engine.run;

import io.antfleet.fleet.decide.HostSample;
import io.antfleet.probe.ProbeHost;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote host's {@link HostSample} from what the probes in its containers read of its /proc and data volumes
 * (ProbeHost): CPU busy share since the previous cycle's reading of that host (since boot on the first, as the
 * local sampler's first sample), memory in use, the fullest data volume, the load averages. The probe reads no
 * I/O counters, so a remote host's I/O rates are 0 (its I/O levels never trigger). Not thread-safe: one run loop
 * owns one.
 */
final class RemoteHostSamples {
    private final Map<String, ProbeHost> previous = new HashMap<>();

    /** The host's sample, or empty when no probe there read its CPU and memory this cycle. */
    Optional<HostSample> of(String host, List<ProbeHost> figures) {
        ProbeHost now = figures.stream().filter(f -> f.cpuBusyTicks() != null && f.memoryPercent() != null).findFirst().orElse(null);
        if (now == null) {
            return Optional.empty();
        }
        Double cpu = now.cpuPercentSince(previous.get(host));
        if (cpu == null) {
            cpu = now.cpuPercentSince(new ProbeHost(now.cpus(), null, null, null, null, null, 0L, 0L, null, null));
        }
        previous.put(host, now);
        double disk = figures.stream().filter(f -> f.diskTotalBytes() != null && f.diskFreeBytes() != null && f.diskTotalBytes() > 0)
                .mapToDouble(f -> 100.0 * (f.diskTotalBytes() - f.diskFreeBytes()) / f.diskTotalBytes()).max().orElse(0);
        return Optional.of(new HostSample(clamp(cpu == null ? 0 : cpu), clamp(now.memoryPercent()), clamp(disk),
                orZero(now.load1()), orZero(now.load5()), orZero(now.load15()), 0, 0, 0, 0));
    }

    private static double orZero(Double value) {
        return Objects.requireNonNullElse(value, 0.0);
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }
}
