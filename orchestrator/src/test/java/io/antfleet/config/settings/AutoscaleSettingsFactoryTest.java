package io.antfleet.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.decide.RemovalStrategy;
import io.antfleet.fleet.spec.Autoscale;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoscaleSettingsFactoryTest {
    private static Settings resolve(Map<String, String> cli) {
        return new SettingsResolver().resolve(cli, Map.of(), Optional.empty(), Map.of());
    }

    @Test
    void theDefaultSettingsGiveTheEnginesOwnDefaults() {
        assertThat(AutoscaleSettingsFactory.fromSettings(resolve(Map.of()), 4)).isEqualTo(AutoscaleSettings.defaults(4));
    }

    @Test
    void wnmNamedSettingsReachTheEngine() {
        AutoscaleSettings s = AutoscaleSettingsFactory.fromSettings(resolve(Map.of("node_cap", "7", "cpu_less_than", "30",
                "netio_write_remove", "1000", "delay_restart", "60", "max_concurrent_starts", "3",
                "node_removal_strategy", "most-shunned", "desired_load_average", "1.5")), 4);

        assertThat(s.nodeCap()).isEqualTo(7);
        assertThat(s.levels().cpuLessThan()).isEqualTo(30);
        assertThat(s.levels().netioWriteRemove()).isEqualTo(1000);
        assertThat(s.levels().desiredLoadAverage()).isEqualTo(1.5);
        assertThat(s.levels().maxLoadAverageAllowed()).isEqualTo(4);
        assertThat(s.delays().restart()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.concurrency().starts()).isEqualTo(3);
        assertThat(s.removalStrategy()).isEqualTo(RemovalStrategy.MOST_SHUNNED);
    }

    @Test
    void anUnknownRemovalStrategyIsRejected() {
        assertThatThrownBy(() -> AutoscaleSettingsFactory.fromSettings(resolve(Map.of("removal-strategy", "oldest")), 2))
                .hasMessageContaining("unknown removal strategy 'oldest'");
    }

    @Test
    void aSpecsAutoscaleSectionMapsFieldByField() {
        AutoscaleSettings s = AutoscaleSettingsFactory.fromSpec(Autoscale.DEFAULTS, 2);

        assertThat(s).isEqualTo(AutoscaleSettings.defaults(2));
    }
}
