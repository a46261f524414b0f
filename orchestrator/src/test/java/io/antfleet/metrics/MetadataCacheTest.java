package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataCacheTest {
    private static final long SECOND = 1_000_000_000L;
    private static final SweepTarget NODE = SweepTarget.local("c/antnode1", 13001);

    private final MetadataCache cache = new MetadataCache(() -> 0L);

    @Test
    void aNodeSeenForTheFirstTimeHasNothingCached() {
        assertThat(cache.fresh(NODE, 100, 50 * SECOND)).isNull();
    }

    @Test
    void aNodeWhoseUptimeGrewWithTheClockKeepsItsMetadata() {
        cache.remember(NODE, "12D3KooWpeer", "0.4.17", 100, 50 * SECOND);

        MetadataCache.Metadata m = cache.fresh(NODE, 160, 110 * SECOND);

        assertThat(m).isNotNull();
        assertThat(m.version()).isEqualTo("0.4.17");
        assertThat(m.peerId()).isEqualTo("12D3KooWpeer");
    }

    @Test
    void whenTheUptimeWentBackwardsTheNodeRestartedAndItsMetadataIsReadAgain() {
        cache.remember(NODE, "12D3KooWpeer", "0.4.17", 100, 50 * SECOND);

        assertThat(cache.fresh(NODE, 3, 60 * SECOND)).isNull();
    }

    @Test
    void aRestartBetweenTwoReadingsIsSeenEvenWhenTheNewUptimeIsLargerThanTheOld() {
        // read at uptime 10 s; restarted; next reading 65 s later shows uptime 30 s: started 35 s later
        cache.remember(NODE, "p", "0.4.17", 10, 100 * SECOND);

        assertThat(cache.fresh(NODE, 30, 165 * SECOND)).isNull();
    }

    @Test
    void aNodeReadWithinSecondsOfItsStartIsReadAgainSinceARestartRightAfterWouldNotShow() {
        // read at uptime 1 s; upgraded half a second later; 2 s on its uptime says 1: the start moved 1.5 s only
        cache.remember(NODE, "p", "0.4.15", 1, 50 * SECOND);

        assertThat(cache.fresh(NODE, 1, 52 * SECOND)).isNull();
    }

    @Test
    void aNodeReadWhenOlderThanAFewSecondsIsCached() {
        cache.remember(NODE, "p", "0.4.15", 4, 50 * SECOND);

        assertThat(cache.fresh(NODE, 6, 52 * SECOND)).isNotNull();
    }

    @Test
    void uptimeInWholeSecondsWithinTheSlackIsNotARestart() {
        cache.remember(NODE, "p", "0.4.17", 100.0, 50 * SECOND);

        assertThat(cache.fresh(NODE, 100.0, 51 * SECOND + SECOND / 2)).isNotNull();
    }

    @Test
    void anEntryOlderThanTheMaximumAgeIsReadAgain() {
        cache.remember(NODE, "p", "0.4.17", 100, 0);
        long later = MetadataCache.MAX_AGE.toNanos() + SECOND;

        assertThat(cache.fresh(NODE, 100 + later / SECOND, later)).isNull();
    }

    @Test
    void aForgottenNodeIsReadAgainAndAMissingUptimeIsNeverCached() {
        cache.remember(NODE, "p", "0.4.17", 100, 50 * SECOND);
        cache.forget(NODE);
        assertThat(cache.fresh(NODE, 101, 51 * SECOND)).isNull();

        cache.remember(NODE, "p", "0.4.17", Double.NaN, 50 * SECOND);
        assertThat(cache.size()).isZero();
        cache.remember(NODE, "p", "0.4.17", 100, 50 * SECOND);
        assertThat(cache.fresh(NODE, Double.NaN, 51 * SECOND)).isNull();
    }

    @Test
    void anotherPortIsAnotherNode() {
        cache.remember(NODE, "p", "0.4.17", 100, 50 * SECOND);

        assertThat(cache.fresh(SweepTarget.local("c/antnode1", 13002), 101, 51 * SECOND)).isNull();
    }
}
