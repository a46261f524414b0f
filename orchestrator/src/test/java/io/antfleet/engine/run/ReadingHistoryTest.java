package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.engine.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    @Test
    void theFirstCallPrunesBeyondTheRetentionAndLaterOnesOnlyOnceAnHourHasPassed() {
        CountingNodes nodes = new CountingNodes(new MemoryStore().nodes);
        MemorySettings settings = new MemorySettings();
        ReadingHistory history = new ReadingHistory(nodes, settings, new MemoryHistoryLog());

        history.pruneIfDue(T0);
        history.pruneIfDue(T0.plus(Duration.ofMinutes(59)));
        history.pruneIfDue(T0.plus(Duration.ofMinutes(60)));

        assertThat(nodes.pruneCutoffs).containsExactly(T0.minus(settings.readingRetention()),
                T0.plus(Duration.ofMinutes(60)).minus(settings.readingRetention()));
    }
}
