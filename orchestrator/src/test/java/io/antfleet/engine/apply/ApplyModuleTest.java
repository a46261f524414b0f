package io.antfleet.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApplyModuleTest {
    @Test
    void withoutTheSettingAnApplyWorksOnUpToThirtyTwoContainersAtOnce() {
        assertThat(ApplyModule.parallelContainers(null)).isEqualTo(32);
        assertThat(ApplyModule.parallelContainers(" ")).isEqualTo(32);
    }

    @Test
    void theSettingChangesTheBound() {
        assertThat(ApplyModule.parallelContainers("4")).isEqualTo(4);
        assertThat(ApplyModule.parallelContainers(" 256 ")).isEqualTo(256);
    }

    @Test
    void aBoundOutsideOneTo256OrNotANumberIsAClearError() {
        for (String bad : new String[] {"0", "257", "-1", "four", "1.5"}) {
            assertThatThrownBy(() -> ApplyModule.parallelContainers(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("antfleet.apply.parallelContainers").hasMessageContaining("'" + bad + "'");
        }
    }
}
