package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.antfleet.config.OwnedResources;
import io.antfleet.fleet.decide.DecisionEngine;

/**
 * The metrics subsystem's bindings: the sweep (its threads closed by the injector's {@link OwnedResources}), the host counters, antfleet's own Prometheus metrics, and the pure decision engine.
 * Host counters are not a singleton: OSHI reads the hardware when constructed, which only the run loop needs.
 */
public final class MetricsModule extends AbstractModule {
    private final SweepSettings sweepSettings;

    public MetricsModule(SweepSettings sweepSettings) {
        this.sweepSettings = requireNonNull(sweepSettings, "sweepSettings is null");
    }

    @Override
    protected void configure() {
        bind(SweepSettings.class).toInstance(sweepSettings);
        bind(FleetMetrics.class).in(Singleton.class);
        bind(HostSampleJson.class);
        bind(DecisionEngine.class).in(Singleton.class);
        bind(HostCounters.class).to(OshiHostCounters.class);
        bind(OshiHostCounters.class);
    }

    @Provides
    @Singleton
    MetricsSweep metricsSweep(SweepSettings settings, OwnedResources owner) {
        return owner.own(new MetricsSweep(settings));
    }
}
