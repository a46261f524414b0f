package io.antfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortRangeTest {
    @Test
    void rendersAntctlSyntaxForOnePortAndForARange() {
        assertThat(PortRange.single(55001)).hasToString("55001");
        assertThat(new PortRange(55001, 55004)).hasToString("55001-55004");
        assertThat(new PortRange(55001, 55004).size()).isEqualTo(4);
    }

    @Test
    void rangesThatShareAPortOverlap() {
        assertThat(new PortRange(100, 199).overlaps(new PortRange(199, 250))).isTrue();
        assertThat(new PortRange(100, 199).overlaps(new PortRange(200, 250))).isFalse();
    }

    @Test
    void invertedOrOutOfRangePortsAreRejected() {
        assertThatThrownBy(() -> new PortRange(10, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortRange(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortRange(65535, 65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blocksOverlapWhenAnyOfTheirKindsCollide() {
        PortBlock a = new PortBlock(new PortRange(55000, 55099), new PortRange(13000, 13099), new PortRange(30000, 30099));
        PortBlock b = new PortBlock(new PortRange(55100, 55199), new PortRange(13100, 13199), new PortRange(30100, 30199));
        PortBlock c = new PortBlock(new PortRange(55100, 55199), new PortRange(13050, 13149), new PortRange(30100, 30199));
        assertThat(a.overlaps(b)).isFalse();
        assertThat(a.overlaps(c)).isTrue();
    }
}
