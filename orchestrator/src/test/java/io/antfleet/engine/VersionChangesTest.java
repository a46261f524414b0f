package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.VersionChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which version changes antfleet calls its own (the journal says so) and which it records as a self-upgrade. */
class VersionChangesTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final ServiceName ONE = ServiceName.of("antnode1");
    private static final VersionChange MOVED = new VersionChange(ONE, "0.4.17", "0.4.18");
    private final MemoryStore store = new MemoryStore();
    private final VersionChanges versions = store.versions();

    @Test
    void aChangeNoJournalEntryExplainsIsRecordedOnceAsASelfUpgradeAndNamedInANote() {
        List<String> notes = versions.record("alpha", 1L, "antnode", List.of(MOVED), T0);

        assertThat(notes).containsExactly("alpha/antnode1: antnode upgraded itself from 0.4.17 to 0.4.18 "
                + "(no antfleet operation did it: recorded, not undone)");
        assertThat(store.decisions.recent(10)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(VersionChanges.SELF_UPGRADE);
            assertThat(d.container()).isEqualTo("alpha");
            assertThat(d.containerId()).isEqualTo(1L);
            assertThat(d.services()).containsExactly("antnode1");
            assertThat(d.outcome()).isEqualTo("NOT_RUN");
        });
        assertThat(versions.recorded(1L)).containsOnlyKeys(ONE)
                .hasEntrySatisfying(ONE, r -> assertThat(r).isEqualTo(new VersionChanges.Recorded(MOVED, T0)));
    }

    @Test
    void aChangeIsRecordedForItsContainerRowNotForAnotherHostsContainerOfTheSameName() {
        versions.record("alpha", 1L, "antnode", List.of(MOVED), T0);
        versions.record("alpha", 2L, "antnode", List.of(new VersionChange(ONE, "0.4.16", "0.4.17")), T0.plusSeconds(60));

        assertThat(versions.recorded(1L)).containsExactly(Map.entry(ONE, new VersionChanges.Recorded(MOVED, T0)));
        assertThat(versions.recorded(2L).get(ONE).change().from()).isEqualTo("0.4.16");
        assertThat(versions.recorded(3L)).isEmpty();
        assertThat(versions.recorded(null)).isEmpty();
    }

    @Test
    void anUpgradeWhoseOutcomeNeverReachedTheRowsIsAntfleetsOwnChange() {
        store.journal.begin("upgrade", 1L, List.of("antnode1"));
        long failed = store.journal.begin("node-upgrade", 2L, List.of("antnode1")).id();
        store.journal.fail(failed, "antctl upgrade: one node did not start");

        assertThat(versions.uncaused(1L, List.of(MOVED))).isEmpty();
        assertThat(versions.uncaused(2L, List.of(MOVED))).isEmpty();
        assertThat(versions.record("alpha", 1L, "antnode", List.of(MOVED), T0)).isEmpty();
        assertThat(store.decisions.recent(10)).isEmpty();
    }

    @Test
    void aLaterChangeOfTheNodeOrAnotherNodesUpgradeDoesNotExplainIt() {
        long upgrade = store.journal.begin("upgrade", 1L, List.of("antnode1")).id();
        store.journal.fail(upgrade, "wedged");
        long stop = store.journal.begin("node-stop", 1L, List.of("antnode1")).id();
        store.journal.complete(stop, List.of("antnode1"));
        store.journal.begin("import", 1L, List.of("antnode1"));
        store.journal.begin("upgrade", 2L, List.of("antnode2"));

        assertThat(versions.uncaused(1L, List.of(MOVED))).containsExactly(MOVED);
        assertThat(versions.uncaused(2L, List.of(MOVED))).containsExactly(MOVED);
    }

    @Test
    void aReadingIsNotAChangeAndAnUpgradeThatCompletedWroteItsRowsItself() {
        long upgrade = store.journal.begin("upgrade", 1L, List.of("antnode1")).id();
        store.journal.complete(upgrade, List.of("antnode1"));
        store.journal.begin("import", 1L, List.of("antnode1"));

        assertThat(versions.uncaused(1L, List.of(MOVED))).containsExactly(MOVED);
    }

    @Test
    void aDryRunSaysWhatItSawAndRecordsNothing() {
        assertThat(versions.record("alpha", 1L, "ant-node", List.of(MOVED), T0, false)).singleElement().asString()
                .startsWith("alpha/antnode1: ant-node upgraded itself from 0.4.17 to 0.4.18");
        assertThat(store.decisions.recent(10)).isEmpty();
    }
}
