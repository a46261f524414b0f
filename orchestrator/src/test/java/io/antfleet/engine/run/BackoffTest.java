package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static List<Duration> waits(Backoff backoff, int n) {
        return Stream.generate(backoff::next).limit(n).toList();
    }

    @Test
    void waitsDoubleFromTheFirstUpToTheCapAndStartOverAfterAReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

        assertThat(waits(backoff, 8)).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anIntervalShorterThanTheFirstWaitCapsEveryWait() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMillis(300));

        assertThat(waits(backoff, 3)).containsOnly(Duration.ofMillis(300));
    }

    @Test
    void aZeroWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
