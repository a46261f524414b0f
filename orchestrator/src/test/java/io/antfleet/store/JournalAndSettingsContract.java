package io.antfleet.store;

import static io.antfleet.store.Fixtures.container;
import static io.antfleet.store.Fixtures.node;
import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal, the machine settings, migrations and the transaction boundary, on every database. */
abstract class JournalAndSettingsContract {
    protected abstract TestStore store();

    @Test
    void aBegunOperationIsPendingUntilCompletedWithTheServicesItProduced() {
        Operation begun = store().journal().begin("add", 7L, List.of());
        assertThat(store().journal().pending()).contains(begun);
        assertThat(begun.attempts()).isEqualTo(1);
        assertThat(begun.startedAt()).isNotNull();

        store().journal().complete(begun.id(), List.of("antnode5", "antnode6"));

        Operation done = store().journal().find(begun.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(OperationState.DONE);
        assertThat(done.services()).containsExactly("antnode5", "antnode6");
        assertThat(done.finishedAt()).isNotNull();
        assertThat(store().journal().pending()).extracting(Operation::id).doesNotContain(begun.id());
    }

    @Test
    void aFailedOperationKeepsItsErrorAndItsAttempts() {
        Operation begun = store().journal().begin("start", null, List.of("antnode1"));
        store().journal().recordAttempt(begun.id());

        store().journal().fail(begun.id(), "antctl start exited 1: boom");

        Operation failed = store().journal().find(begun.id()).orElseThrow();
        assertThat(failed).isEqualTo(new Operation(begun.id(), "start", null, List.of("antnode1"), OperationState.FAILED,
                2, begun.startedAt(), failed.finishedAt(), "antctl start exited 1: boom"));
    }

    @Test
    void recentListsNewestFirstAndPendingOldestFirst() {
        Operation first = store().journal().begin("stop", 1L, List.of("antnode1"));
        Operation second = store().journal().begin("stop", 1L, List.of("antnode2"));

        assertThat(store().journal().recent(2)).extracting(Operation::id).containsExactly(second.id(), first.id());
        assertThat(store().journal().pending()).extracting(Operation::id).containsSubsequence(first.id(), second.id());
    }

    @Test
    void recentOnListsOneContainersOperationsNewestFirst() {
        long mine = 900_000L + System.nanoTime() % 100_000;
        Operation first = store().journal().begin("upgrade", mine, List.of("antnode1"));
        store().journal().begin("stop", mine + 1, List.of("antnode1"));
        Operation third = store().journal().begin("import", mine, List.of("antnode1", "antnode2"));

        assertThat(store().journal().recentOn(mine, 10)).extracting(Operation::id).containsExactly(third.id(), first.id());
        assertThat(store().journal().recentOn(mine, 1)).extracting(Operation::id).containsExactly(third.id());
    }

    @Test
    void recentOfListsOneActionOnOneContainerRowNewestFirstNotAnotherHostsContainerOfTheSameName() {
        java.time.Instant at = java.time.Instant.parse("2026-12-06T15:00:00Z");
        String container = unique("selfup");
        long mine = 800_000L + System.nanoTime() % 100_000;
        long sameNameElsewhere = mine + 1;
        DecisionRecord older = new DecisionRecord(null, at, "SELF_UPGRADE", container, mine, List.of("antnode1"), 1, "a",
                "NOT_RUN", null);
        DecisionRecord other = new DecisionRecord(null, at, "SELF_UPGRADE", container, sameNameElsewhere,
                List.of("antnode1"), 1, "b", "NOT_RUN", null);
        DecisionRecord start = new DecisionRecord(null, at, "START", container, mine, List.of("antnode1"), 1, "c", "DONE", null);
        DecisionRecord newer = new DecisionRecord(null, at, "SELF_UPGRADE", container, mine, List.of("antnode2"), 1, "d",
                "NOT_RUN", null);

        store().get(DecisionLog.class).record(List.of(older, other, start, newer));

        assertThat(store().get(DecisionLog.class).recentOf("SELF_UPGRADE", mine, 10)).extracting(DecisionRecord::reason)
                .containsExactly("d", "a");
        assertThat(store().get(DecisionLog.class).recentOf("SELF_UPGRADE", sameNameElsewhere, 10))
                .singleElement().satisfies(d -> {
                    assertThat(d.reason()).isEqualTo("b");
                    assertThat(d.containerId()).isEqualTo(sameNameElsewhere);
                    assertThat(d.container()).isEqualTo(container);
                });
    }

    @Test
    void completingAnUnknownOperationFails() {
        assertThatThrownBy(() -> store().journal().complete(123_456_789L, List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("123456789");
    }

    @Test
    void theMachineTableStartsWithWnmsDefaults() {
        assertThat(store().settings().all()).containsEntry("node_cap", "20").containsEntry("cpu_less_than", "50")
                .containsEntry("cpu_remove", "70").containsEntry("mem_remove", "75").containsEntry("hd_remove", "90")
                .containsEntry("delay_restart", "600").containsEntry("port_start", "55")
                .containsEntry("metrics_port_start", "13").containsEntry("rpc_port_start", "30")
                .containsEntry("max_concurrent_operations", "1").doesNotContainKey("desired_load_average");
    }

    @Test
    void settingsCanBeSetAddedAndUnset() {
        String name = unique("custom").replace('-', '_');
        store().settings().put(name, "x");
        assertThat(store().settings().get(name)).contains("x");

        store().settings().put(name, null);
        assertThat(store().settings().get(name)).isEmpty();
        assertThat(store().settings().readingRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void decisionsAreStoredWithTheirReasonsAndOutcomesAndListedNewestFirst() {
        java.time.Instant at = java.time.Instant.parse("2026-11-27T01:00:00.123456Z");
        DecisionRecord add = new DecisionRecord(null, at, "ADD", "home-alpha", List.of(), 2, "host has room", "DONE", null);
        DecisionRecord stop = new DecisionRecord(null, at, "STOP", "home-beta", List.of("antnode3", "antnode4"), 2,
                "mem 90.0% > mem_remove 75%", "FAILED", "antctl stop exited 1: boom");
        DecisionRecord survey = new DecisionRecord(null, at, "SURVEY", null, List.of(), 0, "x".repeat(2500), "NOT_RUN", null);

        store().get(DecisionLog.class).record(List.of(add, stop, survey));

        List<DecisionRecord> recent = store().get(DecisionLog.class).recent(3);
        assertThat(recent).extracting(DecisionRecord::action).containsExactly("SURVEY", "STOP", "ADD");
        assertThat(recent.get(1)).usingRecursiveComparison().ignoringFields("id").isEqualTo(stop);
        assertThat(recent.get(2).services()).isEmpty();
        assertThat(recent.get(0).reason()).hasSize(2000).endsWith("...");
        assertThat(recent.get(0).container()).isNull();
    }

    @Test
    void migratingAgainAppliesNothing() {
        Migrations.MigrationOutcome outcome = store().get(Migrations.class).migrate();

        assertThat(outcome.applied()).isZero();
        assertThat(outcome.version()).isEqualTo(SchemaFiles.latest());
        assertThat(store().get(Migrations.class).status().pending()).isZero();
    }

    @Test
    void aUnitOfWorkThatThrowsLeavesNothingBehindAcrossRepositories() {
        String name = unique("rolled-back");

        assertThatThrownBy(() -> store().transactions().useTransaction(session -> {
            long id = store().containers().insert(container(name)).id();
            store().nodes().insert(node(id, 1));
            throw new IllegalStateException("planned failure");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store().containers().findByName(name)).isEmpty();
    }

    @Test
    void aUnitOfWorkCommitsEverythingItJoined() {
        String name = unique("committed");

        long id = store().transactions().inTransaction(session -> {
            long containerId = store().containers().insert(container(name)).id();
            store().nodes().insert(node(containerId, 1));
            store().journal().begin("create-container", containerId, List.of());
            return containerId;
        });

        assertThat(store().nodes().findByContainer(id)).hasSize(1);
    }
}
