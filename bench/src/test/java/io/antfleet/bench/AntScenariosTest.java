package io.antfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.spec.FleetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v2 scenarios' spec and names; their timings are the bench's, run with real containers. */
class AntScenariosTest {
    @Test
    void theSpecIsAnAntFleetWithOneNodePortBlockPerContainer() {
        FleetSpec spec = AntScenarios.spec("bench-x", 3, 25, 50000, "antfleet/agent:ant-stand-in");

        assertThat(spec.fleet()).isEqualTo("bench-x");
        assertThat(spec.containers()).hasSize(3);
        assertThat(spec.containers().stream().map(c -> spec.dockerName(c.name())).toList())
                .containsExactly("bench-x-c0", "bench-x-c1", "bench-x-c2");
        assertThat(spec.containers()).allSatisfy(c -> assertThat(c.processManager().isAntctl()).isFalse());
    }

    @Test
    void theAntScenariosAreKnownButNotInTheDefaultRun() {
        BenchSettings settings = new BenchSettings(List.of("converge-ant", "idle-cycle-ant"), 20, 50, 50000, "img");

        assertThat(settings.usesStore()).isTrue();
        assertThat(settings.antImage()).isEqualTo("antfleet/agent:ant-stand-in");
        assertThat(BenchSettings.DEFAULT).doesNotContainAnyElementsOf(BenchSettings.ANT);
        assertThatThrownBy(() -> new BenchSettings(List.of("converge-ant"), 101, 50, 33000, "img"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..5000");
    }
}
