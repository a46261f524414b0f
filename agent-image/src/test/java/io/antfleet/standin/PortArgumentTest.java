package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortArgumentTest {
    @Test
    void singlePortIsARangeOfOne() {
        assertThat(PortArgument.parse("55001").ports()).containsExactly(55001);
    }

    @Test
    void rangeIncludesBothEnds() {
        assertThat(PortArgument.parse("55001-55003").ports()).containsExactly(55001, 55002, 55003);
    }

    @Test
    void rangeWhoseEndIsNotAboveItsStartIsRejected() {
        assertThatThrownBy(() -> PortArgument.parse("55003-55003"))
                .hasMessage("End port must be greater than start port");
        assertThatThrownBy(() -> PortArgument.parse("55003-55001"))
                .hasMessage("End port must be greater than start port");
    }

    @Test
    void malformedRangeIsRejected() {
        assertThatThrownBy(() -> PortArgument.parse("1-2-3")).hasMessageContaining("start-end");
        assertThatThrownBy(() -> PortArgument.parse("70000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void singlePortNeedsCountOne() {
        assertThatThrownBy(() -> PortArgument.parse("55001").requireCount(3))
                .isInstanceOf(Failure.class)
                .hasMessage("The count (3) does not match the number of ports (1)");
    }

    @Test
    void rangeNeedsCountEqualToItsSize() {
        PortArgument.parse("55001-55003").requireCount(3);

        assertThatThrownBy(() -> PortArgument.parse("55001-55003").requireCount(1))
                .hasMessage("The count (1) does not match the number of ports (3)");
    }
}
