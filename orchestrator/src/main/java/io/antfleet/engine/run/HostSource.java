package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.decide.HostSample;
import io.antfleet.metrics.HostSampler;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a cycle's host samples come from: the measured host, or an assumed sample ({@code --assume-host}, which then
 * stands for every host of the fleet). {@link #sample()} is the local host's; {@link #remote} turns what the probes
 * measured on another host into that host's sample.
 */
public interface HostSource {
    HostSample sample();

    /** Another host's sample, given what the probes measured there this cycle (empty: nothing measured it). */
    default Optional<HostSample> remote(String host, Optional<HostSample> measured) {
        return measured;
    }

    /** The host's boot time as of the last sample; empty when unknown (an assumed host never reboots). */
    Optional<Instant> bootTime();

    static HostSource measured(HostSampler sampler) {
        requireNonNull(sampler, "sampler is null");
        return new HostSource() {
            @Override
            public HostSample sample() {
                return sampler.sample();
            }

            @Override
            public Optional<Instant> bootTime() {
                return Optional.ofNullable(sampler.lastBootTime());
            }
        };
    }

    static HostSource assumed(HostSample sample) {
        requireNonNull(sample, "sample is null");
        return new HostSource() {
            @Override
            public HostSample sample() {
                return sample;
            }

            @Override
            public Optional<HostSample> remote(String host, Optional<HostSample> measured) {
                return Optional.of(sample);
            }

            @Override
            public Optional<Instant> bootTime() {
                return Optional.empty();
            }
        };
    }
}
