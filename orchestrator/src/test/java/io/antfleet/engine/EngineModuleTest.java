package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineModuleTest {
    @Test
    void withoutTheSettingAnApplyWorksOnUpToThirtyTwoContainersAtOnce() {
        assertThat(EngineModule.parallelContainers(null)).isEqualTo(32);
        assertThat(EngineModule.parallelContainers(" ")).isEqualTo(32);
    }

    @Test
    void theSettingChangesTheBound() {
        assertThat(EngineModule.parallelContainers("4")).isEqualTo(4);
        assertThat(EngineModule.parallelContainers(" 256 ")).isEqualTo(256);
    }

    @Test
    void aBoundOutsideOneTo256OrNotANumberIsAClearError() {
        for (String bad : new String[] {"0", "257", "-1", "four", "1.5"}) {
            assertThatThrownBy(() -> EngineModule.parallelContainers(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("antfleet.apply.parallelContainers").hasMessageContaining("'" + bad + "'");
        }
    }
}
