package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunState;
import io.antfleet.metrics.FleetMetrics;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunWiringTest {
    @Test
    void the_production_modules_wire_the_run_loop_without_opening_a_database() {
        Injector injector = Bootstrap.injector(Bootstrap.modules(new GlobalOptions(
                Optional.of("jdbc:h2:mem:run-wiring"), Optional.empty(), OutputFormat.TABLE, false)));

        assertThat(injector.getInstance(RunLoop.class)).isNotNull();
        assertThat(injector.getInstance(RunState.class)).isNotNull();
        assertThat(injector.getInstance(FleetMetrics.class)).isSameAs(injector.getInstance(FleetMetrics.class));
    }
}
