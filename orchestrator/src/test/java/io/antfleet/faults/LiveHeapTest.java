package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveHeapTest {
    private static List<String> histogram(long bytes, long strings, long readings) {
        return List.of("12345:", " num     #instances         #bytes  class name (module)",
                "-------------------------------------------------------",
                "   1:         20000        " + bytes + "  [B (java.base@17.0.15)",
                "   2:         10000        " + strings + "  java.lang.String (java.base@17.0.15)",
                "   3:          1000        " + readings + "  io.antfleet.fleet.NodeReadings",
                "Total         31000        " + (bytes + strings + readings));
    }

    @Test
    void theTotalAndEachClassAreReadFromAClassHistogram() {
        LiveHeap heap = LiveHeap.parse(histogram(2_000_000, 240_000, 48_000));

        assertThat(heap.bytes()).isEqualTo(2_288_000);
        assertThat(heap.byClass()).containsEntry("[B", 2_000_000L).containsEntry("io.antfleet.fleet.NodeReadings", 48_000L);
    }

    @Test
    void theClassesThatGrewMostComeFirstAndShrunkenOnesNotAtAll() {
        LiveHeap early = LiveHeap.parse(histogram(2_000_000, 240_000, 48_000));
        LiveHeap late = LiveHeap.parse(histogram(1_900_000, 250_240, 4_848_000));

        assertThat(early.grownMost(late, 5)).containsExactly("io.antfleet.fleet.NodeReadings +4687.5 kB",
                "java.lang.String +10.0 kB");
    }

    @Test
    void aHistogramWithoutItsTotalIsRefused() {
        assertThatThrownBy(() -> LiveHeap.parse(List.of("12345:", "AttachNotSupportedException")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Total line");
    }

    @Test
    void thisProcessHasALiveHeap() {
        assertThat(LiveHeap.of(ProcessHandle.current().pid()).bytes()).isPositive();
    }
}
