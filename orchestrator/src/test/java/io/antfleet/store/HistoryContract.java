package io.antfleet.store;

import static io.antfleet.store.Fixtures.container;
import static io.antfleet.store.Fixtures.node;
import static io.antfleet.store.Fixtures.readings;
import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The dashboard's history (host readings, node readings summed per sweep), on every database. */
abstract class HistoryContract {
    protected abstract TestStore store();

    /** A moment of its own, so that other tests' rows in the shared database never fall into a window. */
    private static Instant uniqueMoment() {
        return Instant.parse("2030-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(1, 1_000_000), ChronoUnit.MINUTES)
                .plusNanos(123_456_000);
    }

    @Test
    void hostReadingsComeBackInTimeOrderFromTheWindowAndTheNewestIsTheLatest() {
        HistoryLog history = store().get(HistoryLog.class);
        Instant t = uniqueMoment();
        history.recordHost(new HostReading(t, 12.5, 30, 40, 0.5, 0.4, 0.3, 3, 1, 0));
        history.recordHost(new HostReading(t.plusSeconds(60), 14, 31, 41, 0.6, 0.4, 0.3, 4, 0, 1));
        history.recordHost(new HostReading(t.plusSeconds(120), 16, 32, 42, 0.7, 0.5, 0.3, 4, 0, 2));

        assertThat(history.hostSince(t.plusSeconds(30))).extracting(HostReading::cpuPercent).startsWith(14.0, 16.0);
        assertThat(history.hostSince(t.plusSeconds(30)).get(0))
                .isEqualTo(new HostReading(t.plusSeconds(60), 14, 31, 41, 0.6, 0.4, 0.3, 4, 0, 1));
        assertThat(history.latestHost()).isPresent();
        assertThat(history.latestHost().get().readAt()).isAfterOrEqualTo(t.plusSeconds(120));

        assertThat(history.pruneHost(t.plusSeconds(61))).isGreaterThanOrEqualTo(2);
        assertThat(history.hostSince(t)).extracting(HostReading::readAt).doesNotContain(t, t.plusSeconds(60))
                .contains(t.plusSeconds(120));
    }

    @Test
    void eachHostsReadingsAreKeptUnderItsNameOutOfTheLocalChartsAndItsNewestIsListed() {
        HistoryLog history = store().get(HistoryLog.class);
        Instant t = uniqueMoment();
        String far = "far" + ThreadLocalRandom.current().nextInt(1_000_000);
        history.recordHost(new HostReading(t, 12.5, 30, 40, 0.5, 0.4, 0.3, 3, 1, 0));
        history.recordHost(new HostReading(t, 91, 92, 93, 4, 3, 2, 5, 0, 0, far));
        history.recordHost(new HostReading(t.plusSeconds(60), 81, 82, 83, 4, 3, 2, 6, 0, 0, far));

        assertThat(history.hostSince(t)).extracting(HostReading::host).containsOnly("local");
        assertThat(history.hostsLatest()).filteredOn(h -> h.host().equals(far)).singleElement()
                .isEqualTo(new HostReading(t.plusSeconds(60), 81, 82, 83, 4, 3, 2, 6, 0, 0, far));
        assertThat(history.hostsLatest()).extracting(HostReading::host).contains("local").doesNotHaveDuplicates();
    }

    @Test
    void aSweepsReadingsAreSummedAcrossNodesWithExactRewards() {
        HistoryLog history = store().get(HistoryLog.class);
        Container c = store().containers().insert(container(unique("hist")));
        Node one = store().nodes().insert(node(c.id(), 1));
        Node two = store().nodes().insert(node(c.id(), 2));
        Instant t = uniqueMoment();
        store().nodes().recordReadings(Map.of(one.id(), readings(1), two.id(), readings(2)), t);

        FleetTotals sweep = history.totalsSince(t).stream().filter(s -> s.readAt().equals(t)).findFirst().orElseThrow();
        assertThat(sweep.nodes()).isEqualTo(2);
        assertThat(sweep.records()).isEqualTo(1001 + 1002);
        assertThat(sweep.connectedPeers()).isEqualTo(26 + 27);
        assertThat(sweep.rewards()).isEqualByComparingTo(new BigDecimal("0.0000000000000001231")
                .add(new BigDecimal("0.0000000000000001232")));
        assertThat(history.lastReadAt()).containsEntry(one.id(), t).containsEntry(two.id(), t);
    }
}
