package io.antfleet.engine.report;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.metrics.HostSampler;
import io.antfleet.metrics.HostCounters;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Two host readings a second apart, as wnm measures CPU over one second: a single reading would report
 * averages since boot. The disk figure is the fullest of / and Docker's data root (the node volumes).
 */
public final class CountersHostProbe implements HostProbe {
    private static final long WINDOW_MILLIS = 1000;
    private final Provider<HostCounters> counters;
    private final Clock clock;

    /** A provider: OSHI reads the hardware when its counters are built, which only machine-metrics needs. */
    @Inject
    public CountersHostProbe(Provider<HostCounters> counters, Clock clock) {
        this.counters = requireNonNull(counters, "counters is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public HostSample sample() {
        List<Path> paths = new ArrayList<>(List.of(Path.of("/")));
        if (Files.isDirectory(Path.of("/var/lib/docker"))) {
            paths.add(Path.of("/var/lib/docker"));
        }
        HostSampler sampler = new HostSampler(counters.get(), clock, paths);
        sampler.sample();
        try {
            Thread.sleep(WINDOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("interrupted while sampling the host", e);
        }
        return sampler.sample();
    }
}
