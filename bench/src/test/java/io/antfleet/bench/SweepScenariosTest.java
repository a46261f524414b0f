package io.antfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SweepScenariosTest {
    private static SweepScenarios.Samples rounds(double... seconds) {
        return new SweepScenarios.Samples(seconds, new double[seconds.length]);
    }

    @Test
    void fiftyOfAThousandNodesHangSpreadOverEveryContainer() {
        assertThat(IntStream.range(0, 1000).filter(SweepScenarios::hangs).count()).isEqualTo(50);
        for (int container = 0; container < 20; container++) {
            int first = container * 50;
            assertThat(IntStream.range(first, first + 50).filter(SweepScenarios::hangs).count()).isBetween(2L, 3L);
        }
    }

    @Test
    void theFloorIsTheAnsweringNodesReadOneByOnePlusEachHangingNodeAtWnmsTimeout() {
        ScenarioResult r = SweepScenarios.faultyResult(rounds(0.9, 0.8, 0.85, 0.7, 2.0), 2.5, 0.766, 950, 50);

        assertThat(r.name()).isEqualTo("sweep-faulty");
        assertThat(r.antfleetSeconds()).isEqualTo(0.85);
        assertThat(r.floorSeconds()).isCloseTo(0.766 + 50 * 5, within(1e-9));
        assertThat(r.ratio()).isCloseTo(0.85 / 250.766, within(0.001));
        assertThat(r.met()).isTrue();
        assertThat(r.measured()).contains("1000 nodes, 50 of them accept and never answer", "median 0.850 s", "hanging nodes (full timeout), 2.500 s",
                "0.766 s (the 950 answering nodes one after another", "+ 50 hanging x 5 s", "= 250.766 s");
    }

    @Test
    void aFaultySweepOverOneSecondMissesItsTargetWhateverTheRatio() {
        ScenarioResult r = SweepScenarios.faultyResult(rounds(1.2, 1.1, 1.3), 2.5, 0.7, 950, 50);

        assertThat(r.ratio()).isLessThan(SweepScenarios.FAULTY_RATIO);
        assertThat(r.met()).isFalse();
    }

    @Test
    void aFaultySweepWithinOneSecondButLessThanFiftyTimesTheFloorMissesItsTarget() {
        ScenarioResult r = SweepScenarios.faultyResult(rounds(0.5), 2.5, 1.0, 999, 1);

        assertThat(r.floorSeconds()).isEqualTo(6.0);
        assertThat(r.met()).isFalse();
    }
}
