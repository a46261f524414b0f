package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import io.antfleet.fleet.decide.DecisionEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsModuleTest {
    @Test
    void theModuleWiresUnderExplicitBindingsInProductionStage() {
        Injector injector = Bootstrap.injector(List.of(new MetricsModule(SweepSettings.defaults())));

        try (MetricsSweep sweep = injector.getInstance(MetricsSweep.class)) {
            assertThat(injector.getInstance(MetricsSweep.class)).isSameAs(sweep);
            assertThat(injector.getInstance(FleetMetrics.class)).isSameAs(injector.getInstance(FleetMetrics.class));
            assertThat(injector.getInstance(DecisionEngine.class)).isSameAs(injector.getInstance(DecisionEngine.class));
            assertThat(injector.getInstance(HostCounters.class)).isInstanceOf(OshiHostCounters.class);
        }
    }
}
