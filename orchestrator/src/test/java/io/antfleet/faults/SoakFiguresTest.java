package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class SoakFiguresTest {
    private static final long MB = 1024;

    private static SoakFigures figures(int cycles, IntFunction<ProcessSample> sample) {
        SoakFigures f = new SoakFigures();
        for (int c = 1; c <= cycles; c++) {
            f.add(sample.apply(c));
        }
        return f;
    }

    /** A warm-up from 120 to 200 MB, then a plateau wobbling by ±3 MB as the collector runs. */
    private static long plateauKb(int cycle) {
        return cycle < 10 ? (120 + 8 * cycle) * MB : (200 + (cycle % 3 - 1) * 3) * MB;
    }

    @Test
    void aWarmUpFollowedByAWobblingPlateauIsFlat() {
        SoakFigures f = figures(100, c -> new ProcessSample(c, 1500, plateauKb(c), c < 5 ? 20 + c : 27 + c % 2, 1040));

        assertThat(f.problems()).isEmpty();
        assertThat(f.table()).contains("  100    1.500     200.0      27  1040");
    }

    @Test
    void aLeakOfFourKilobytesPerNodePerCycleAtAThousandNodesIsNotFlat() {
        SoakFigures f = figures(100, c -> new ProcessSample(c, 1500, plateauKb(c) + 4 * 1000L * c, 27, 1040));

        assertThat(f.problems()).singleElement().asString().startsWith("resident memory grew from");
    }

    @Test
    void aThirdOfAKilobytePerNodePerCycleIsCaughtToo() {
        SoakFigures f = figures(100, c -> new ProcessSample(c, 1500, 200 * MB + 300L * c, 27, 1040));

        assertThat(f.problems()).hasSize(1);
    }

    @Test
    void aSingleSpikeLateInTheRunIsNotALeak() {
        SoakFigures f = figures(100, c -> new ProcessSample(c, 1500, c == 97 ? 260 * MB : plateauKb(c), 27, 1040));

        assertThat(f.problems()).isEmpty();
    }

    @Test
    void aThreadStartedEveryTwentyCyclesAndNeverEndedIsNotFlat() {
        SoakFigures f = figures(100, c -> new ProcessSample(c, 1500, plateauKb(c), 27 + c / 20, 1040));

        assertThat(f.problems()).singleElement().asString().startsWith("threads moved from 27 to 32");
    }

    @Test
    void aSocketLeakedEveryTenCyclesIsNotFlat() {
        SoakFigures f = figures(100, c -> new ProcessSample(c, 1500, plateauKb(c), 27, 1040 + c / 10));

        assertThat(f.problems()).singleElement().asString().startsWith("open file descriptors (median) went from 1041");
    }

    @Test
    void aSampleTakenWhileASweepHasItsSocketsOpenIsNotALeak() {
        SoakFigures f = figures(100, c -> new ProcessSample(c, 1500, plateauKb(c), 27, c == 10 || c == 95 ? 1104 : 1040));

        assertThat(f.problems()).isEmpty();
    }

    @Test
    void tooFewCyclesGiveNoVerdict() {
        SoakFigures f = figures(19, c -> new ProcessSample(c, 1500, plateauKb(c), 27, 1040));

        assertThat(f.problems()).singleElement().asString().contains("only 19 cycles");
        assertThat(f.summary()).isEqualTo("19 cycles, too few for a summary");
    }

    @Test
    void cyclesMustFollowOneAnother() {
        SoakFigures f = figures(3, c -> new ProcessSample(c, 1500, plateauKb(c), 27, 1040));

        assertThatThrownBy(() -> f.add(new ProcessSample(5, 1500, MB, 27, 1040))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusFieldsAreReadFromProcLines() {
        List<String> status = List.of("Name:\tjava", "VmRSS:\t  204800 kB", "Threads:\t31");

        assertThat(ProcessSample.field(status, "VmRSS:")).isEqualTo(204800);
        assertThat(ProcessSample.field(status, "Threads:")).isEqualTo(31);
    }

    @Test
    void thisProcessCanBeSampled() {
        ProcessSample.Proc s = ProcessSample.Proc.read(ProcessHandle.current().pid());

        assertThat(s.rssKb()).isPositive();
        assertThat(s.threads()).isPositive();
        assertThat(s.fds()).isPositive();
    }
}
