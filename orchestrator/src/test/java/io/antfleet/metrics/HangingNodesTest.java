package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HangingNodesTest {
    private static final SweepTarget NODE = SweepTarget.local("c/antnode1", 13001);
    private static final SweepSettings SETTINGS = SweepSettings.defaults();
    private long now = 1_000_000_000L;
    private final HangingNodes hanging = new HangingNodes(SETTINGS, () -> now);

    @Test
    void aNodeNeverSeenHangingGetsTheFullRequestTimeout() {
        assertThat(hanging.timeout(NODE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(hanging.hangs(NODE)).isFalse();
    }

    @Test
    void aNodeThatLetTheFullTimeoutPassGetsTheShortOneNext() {
        hanging.timedOut(NODE, SETTINGS.requestTimeout());

        assertThat(hanging.hangs(NODE)).isTrue();
        assertThat(hanging.timeout(NODE)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aHangingNodeGetsTheFullTimeoutAgainOnceEveryFiveMinutesSoASlowNodeIsNotTakenForHangingForEver() {
        hanging.timedOut(NODE, SETTINGS.requestTimeout());
        now += HangingNodes.FULL_RECHECK.toNanos() - 1;
        hanging.timedOut(NODE, SETTINGS.hangingTimeout());
        assertThat(hanging.timeout(NODE)).isEqualTo(Duration.ofMillis(500));

        now += 1;

        assertThat(hanging.timeout(NODE)).isEqualTo(Duration.ofSeconds(2));
        hanging.timedOut(NODE, SETTINGS.requestTimeout());
        assertThat(hanging.timeout(NODE)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aNodeThatAnswersOrFailsOtherwiseIsForgotten() {
        hanging.timedOut(NODE, SETTINGS.requestTimeout());

        hanging.forget(NODE);

        assertThat(hanging.hangs(NODE)).isFalse();
        assertThat(hanging.isEmpty()).isTrue();
        assertThat(hanging.timeout(NODE)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theHangingTimeoutIsNeverLongerThanTheRequestTimeout() {
        assertThat(new SweepSettings(Duration.ofSeconds(1), Duration.ofMillis(300), 1, 1).hangingTimeout())
                .isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> new SweepSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed the request timeout");
    }
}
