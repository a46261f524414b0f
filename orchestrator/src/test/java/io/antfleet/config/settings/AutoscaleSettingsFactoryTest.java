package io.antfleet.config.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.config.spec.SpecDefaults;
import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.decide.RemovalStrategy;
import io.antfleet.fleet.spec.Autoscale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoscaleSettingsFactoryTest {
    private static Settings resolve(Map<String, String> cli) {
        return new SettingsResolver().resolve(cli, Map.of(), Optional.empty(), Map.of());
    }

    @Test
    void theDefaultSettingsGiveWnmsSpecDefaults() {
        assertThat(AutoscaleSettingsFactory.specDefaults(resolve(Map.of()))).isEqualTo(SpecDefaults.WNM);
    }

    @Test
    void theDefaultSettingsGiveTheEnginesOwnDefaults() {
        assertThat(AutoscaleSettingsFactory.fromSpec(Autoscale.DEFAULTS, 4, resolve(Map.of()))).isEqualTo(AutoscaleSettings.defaults(4));
    }

    @Test
    void theIoLevelsAndTheRemovalStrategyComeFromTheSettings() {
        AutoscaleSettings s = AutoscaleSettingsFactory.fromSpec(Autoscale.DEFAULTS, 4, resolve(Map.of(
                "hdio_read_less_than", "100", "hdio_read_remove", "200", "hdio_write_less_than", "300", "hdio_write_remove", "400",
                "netio_read_less_than", "500", "netio_read_remove", "600", "netio_write_less_than", "700",
                "netio_write_remove", "800", "node_removal_strategy", "most-shunned")));

        assertThat(new double[] {s.levels().hdioReadLessThan(), s.levels().hdioReadRemove(), s.levels().hdioWriteLessThan(),
            s.levels().hdioWriteRemove(), s.levels().netioReadLessThan(), s.levels().netioReadRemove(),
            s.levels().netioWriteLessThan(), s.levels().netioWriteRemove()})
                .containsExactly(100, 200, 300, 400, 500, 600, 700, 800);
        assertThat(s.removalStrategy()).isEqualTo(RemovalStrategy.MOST_SHUNNED);
    }

    @Test
    void withoutSettingsASpecsSectionMapsFieldByField() {
        AutoscaleSettings s = AutoscaleSettingsFactory.fromSpec(Autoscale.DEFAULTS, 2);

        assertThat(s).isEqualTo(AutoscaleSettings.defaults(2));
    }
}
