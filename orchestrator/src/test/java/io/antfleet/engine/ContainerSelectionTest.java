package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.engine.ContainerSelection.ContainerSelectionException;
import io.antfleet.fleet.AntfleetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerSelectionTest {
    private static final ContainerInfo HOME_ALPHA = info("3f2a9c1b7d4e5f60718293a4b5c6d7e8", "home-alpha", "home", "alpha");
    private static final ContainerInfo WORK_ALPHA = info("3f2a9c1b7d4e0000000000000000000f", "work-alpha", "work", "alpha");
    private static final ContainerInfo IMPORTED = new ContainerInfo("9999aaaabbbbccccdddd", "ci-agent", "img", true, "host", Map.of());
    private static final List<ContainerInfo> ALL = List.of(HOME_ALPHA, WORK_ALPHA, IMPORTED);

    private static ContainerInfo info(String id, String name, String fleet, String spec) {
        return new ContainerInfo(id, name, "img", true, "host", Map.of("antfleet.fleet", fleet, "antfleet.container", spec));
    }

    @Test
    void aDockerNameOrAnUnlabelledContainersNameNamesOne() {
        assertThat(ContainerSelection.one(ALL, "work-alpha", Optional.empty())).isEqualTo(WORK_ALPHA);
        assertThat(ContainerSelection.one(ALL, "ci-agent", Optional.empty())).isEqualTo(IMPORTED);
    }

    @Test
    void aSpecNameInTwoFleetsIsRefusedListingBothUntilAFleetIsGiven() {
        assertThatThrownBy(() -> ContainerSelection.one(ALL, "alpha", Optional.empty()))
                .isInstanceOf(ContainerSelectionException.class)
                .hasMessageContaining("matches 2 containers")
                .hasMessageContaining("home-alpha (fleet home, id 3f2a9c1b7d4e)")
                .hasMessageContaining("work-alpha (fleet work, id 3f2a9c1b7d4e)")
                .hasMessageContaining("--fleet");

        assertThat(ContainerSelection.one(ALL, "alpha", Optional.of("home"))).isEqualTo(HOME_ALPHA);
    }

    @Test
    void anIdNeedsTwelveCharactersAndAPrefixSharedByTwoIsAmbiguous() {
        assertThatThrownBy(() -> ContainerSelection.one(ALL, "3f2a9c1b7d4", Optional.empty()))
                .isInstanceOf(AntfleetException.class).isNotInstanceOf(ContainerSelectionException.class)
                .hasMessageContaining("no antfleet container named '3f2a9c1b7d4'");
        assertThatThrownBy(() -> ContainerSelection.one(ALL, "3f2a9c1b7d4e", Optional.empty()))
                .isInstanceOf(ContainerSelectionException.class);
        assertThat(ContainerSelection.one(ALL, "3f2a9c1b7d4e5", Optional.empty())).isEqualTo(HOME_ALPHA);
        assertThat(ContainerSelection.one(ALL, "9999aaaabbbb", Optional.empty())).isEqualTo(IMPORTED);
    }

    @Test
    void anEmptyValueIsRefused() {
        assertThatThrownBy(() -> ContainerSelection.matching(ALL, "", Optional.empty()))
                .isInstanceOf(ContainerSelectionException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ContainerSelection.matching(ALL, "  ", Optional.empty()))
                .isInstanceOf(ContainerSelectionException.class);
    }
}
