package io.antfleet.store;

import static io.antfleet.store.Fixtures.T0;
import static io.antfleet.store.Fixtures.container;
import static io.antfleet.store.Fixtures.node;
import static io.antfleet.store.Fixtures.readings;
import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every database must do with the node table and the readings history. */
abstract class NodeContract {
    protected abstract TestStore store();

    private long newContainer() {
        return store().containers().insert(container(unique("nodes"))).id();
    }

    @Test
    void aNodeRoundTripsEveryFieldIncludingItsReadings() {
        Node inserted = store().nodes().insert(node(newContainer(), 3));

        assertThat(store().nodes().find(inserted.containerId(), ServiceName.of("antnode3"))).contains(inserted);
    }

    @Test
    void aNodeWithNothingButItsIdentityRoundTrips() {
        long containerId = newContainer();
        Node bare = new Node(null, containerId, ServiceName.of("antnode1"), NodeStatus.UNKNOWN, null, null, null, null,
                null, null, null, null, null, null, null, null);

        Node inserted = store().nodes().insert(bare);

        assertThat(store().nodes().find(containerId, bare.service())).contains(inserted);
        assertThat(inserted.readings()).isEqualTo(NodeReadings.empty());
    }

    @Test
    void aSecondNodeWithTheSameContainerAndServiceIsRefusedNamingBoth() {
        long containerId = newContainer();
        store().nodes().insert(node(containerId, 2));

        assertThatThrownBy(() -> store().nodes().insert(node(containerId, 2)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("container " + containerId)
                .hasMessageContaining("antnode2");
    }

    @Test
    void theSameServiceInAnotherContainerIsAnotherNode() {
        Node first = store().nodes().insert(node(newContainer(), 1));
        Node second = store().nodes().insert(node(newContainer(), 1));

        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void hostNodesWithoutAContainerAreUniqueByServiceToo() {
        int number = 100_000 + (int) (Math.random() * 100_000);
        store().nodes().insert(node(null, number));

        assertThatThrownBy(() -> store().nodes().insert(node(null, number)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("antnode" + number)
                .hasMessageContaining("container none");
        assertThat(store().nodes().findByContainer(null)).extracting(Node::service).contains(ServiceName.ofNumber(number));
    }

    @Test
    void aContainersNodesComeInServiceNumberOrder() {
        long containerId = newContainer();
        for (int number : new int[] {10, 2, 1}) {
            store().nodes().insert(node(containerId, number));
        }

        assertThat(store().nodes().findByContainer(containerId)).extracting(Node::number).containsExactly(1, 2, 10);
    }

    @Test
    void upsertInsertsThenUpdatesTheSameRowKeepingItsReadings() {
        long containerId = newContainer();
        Node first = store().nodes().upsert(node(containerId, 4));
        Node imported = new Node(null, containerId, ServiceName.of("antnode4"), NodeStatus.STOPPED, 1, 2, 3, "/d", "/l",
                "/b", "0.5.0", "peer", null, null, null, T0.plusSeconds(9));

        Node second = store().nodes().upsert(imported);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.status()).isEqualTo(NodeStatus.STOPPED);
        assertThat(second.version()).isEqualTo("0.5.0");
        assertThat(second.readings()).isEqualTo(first.readings());
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(store().nodes().findByContainer(containerId)).hasSize(1);
    }

    @Test
    void upsertAllInsertsAndUpdatesInOneGoReturningTheStoredRowsInOrder() {
        long containerId = newContainer();
        Node existing = store().nodes().upsert(node(containerId, 7));
        Node update = new Node(null, containerId, ServiceName.of("antnode7"), NodeStatus.STOPPED, 1, 2, 3, "/d", "/l",
                "/b", "0.5.0", "peer", null, null, null, T0.plusSeconds(9));

        List<Node> stored = store().nodes().upsertAll(List.of(node(containerId, 9), update, node(containerId, 8)));

        assertThat(stored).extracting(Node::number).containsExactly(9, 7, 8);
        assertThat(stored.get(1).id()).isEqualTo(existing.id());
        assertThat(stored.get(1).status()).isEqualTo(NodeStatus.STOPPED);
        assertThat(stored.get(1).readings()).isEqualTo(existing.readings());
        assertThat(store().nodes().findByContainer(containerId)).extracting(Node::number).containsExactly(7, 8, 9);
        assertThat(store().nodes().upsertAll(List.of())).isEmpty();
    }

    @Test
    void writeAllInsertsTheNewRowsAndUpdatesTheKnownOnesKeepingTheirReadings() {
        long containerId = newContainer();
        Node existing = store().nodes().insert(node(containerId, 2));
        Node update = new Node(existing.id(), containerId, ServiceName.of("antnode2"), NodeStatus.STOPPED, 1, 2, 3, "/d",
                "/l", "/b", "0.5.0", "peer", null, null, T0.plusSeconds(1), T0.plusSeconds(9));

        store().nodes().writeAll(List.of(node(containerId, 3), update, node(containerId, 1)));

        List<Node> rows = store().nodes().findByContainer(containerId);
        assertThat(rows).extracting(Node::number).containsExactly(1, 2, 3);
        Node updated = rows.get(1);
        assertThat(updated.id()).isEqualTo(existing.id());
        assertThat(updated.status()).isEqualTo(NodeStatus.STOPPED);
        assertThat(updated.version()).isEqualTo("0.5.0");
        assertThat(updated.readings()).isEqualTo(existing.readings());
        assertThat(updated.createdAt()).isEqualTo(existing.createdAt());
        assertThat(rows.get(0)).isEqualTo(node(containerId, 1).withId(rows.get(0).id()));
    }

    @Test
    void writeAllUpdatesARowSomeoneElseInsertedAndInsertsOneSomeoneElseDeleted() {
        long containerId = newContainer();
        Node theirs = store().nodes().insert(node(containerId, 4));
        Node gone = store().nodes().insert(node(containerId, 5));
        store().nodes().delete(gone.id());
        Node mine = new Node(null, containerId, ServiceName.of("antnode4"), NodeStatus.STOPPED, 1, 2, 3, "/d", "/l",
                "/b", "0.5.0", "peer", null, null, T0, T0.plusSeconds(9));

        store().nodes().writeAll(List.of(node(containerId, 6), mine, gone.withStatus(NodeStatus.STOPPED, T0)));

        List<Node> rows = store().nodes().findByContainer(containerId);
        assertThat(rows).extracting(Node::number).containsExactly(4, 5, 6);
        assertThat(rows.get(0).id()).isEqualTo(theirs.id());
        assertThat(rows.get(0).status()).isEqualTo(NodeStatus.STOPPED);
        assertThat(rows.get(0).readings()).isEqualTo(theirs.readings());
        assertThat(rows.get(1).status()).isEqualTo(NodeStatus.STOPPED);
        store().nodes().writeAll(List.of());
        assertThat(store().nodes().findByContainer(containerId)).hasSize(3);
    }

    @Test
    void updateRewritesEveryColumnAndUpdateStatusStampsTheChange() {
        Node inserted = store().nodes().insert(node(newContainer(), 5));
        Node changed = new Node(inserted.id(), inserted.containerId(), inserted.service(), NodeStatus.UPGRADING, 1, 2, 3,
                "/d2", "/l2", "/b2", "0.4.18", "peer2", null, readings(99), T0, T0.plusSeconds(1));

        store().nodes().update(changed);
        assertThat(store().nodes().find(inserted.containerId(), inserted.service())).contains(changed);

        store().nodes().updateStatus(inserted.id(), NodeStatus.DISABLED, T0.plusSeconds(2));
        assertThat(store().nodes().find(inserted.containerId(), inserted.service())).get()
                .extracting(Node::status, Node::statusChangedAt).containsExactly(NodeStatus.DISABLED, T0.plusSeconds(2));
    }

    @Test
    void registryRowsAreTheContainersRowsInNumberOrderWithoutTheirReadings() {
        long containerId = newContainer();
        Node third = store().nodes().insert(node(containerId, 3));
        store().nodes().insert(node(containerId, 1));
        store().nodes().insert(node(newContainer(), 2));
        store().nodes().recordReadings(Map.of(third.id(), readings(5)), T0.plusSeconds(60));

        List<Node> full = store().nodes().findByContainer(containerId);

        assertThat(full.get(1).readings()).isEqualTo(readings(5));
        assertThat(store().nodes().findRegistryRows(containerId))
                .containsExactlyElementsOf(full.stream().map(n -> n.withReadings(null)).toList());
    }

    @Test
    void recordReadingsWritesTheNodeRowsAndTheirHistory() {
        long containerId = newContainer();
        Node a = store().nodes().insert(node(containerId, 1));
        Node b = store().nodes().insert(node(containerId, 2));
        NodeReadings exact = new NodeReadings("p", "v", 1L, 2L, 3L, 4L, 5L, 6L, "123456789.000000000000000001", 7L,
                8L, 9L, 10.5, 11.25, 12L, 13L, 14L, 15L);

        store().nodes().recordReadings(Map.of(a.id(), exact, b.id(), readings(7)), T0.plusSeconds(60));
        store().nodes().recordReadings(Map.of(a.id(), readings(8)), T0.plusSeconds(120));

        assertThat(store().nodes().find(containerId, b.service()).orElseThrow().readings()).isEqualTo(readings(7));
        assertThat(store().nodes().readingsSince(a.id(), T0)).containsExactly(
                new NodeReadingSample(a.id(), T0.plusSeconds(60), exact),
                new NodeReadingSample(a.id(), T0.plusSeconds(120), readings(8)));
        assertThat(store().nodes().find(containerId, a.service()).orElseThrow().peerId()).isEqualTo(a.peerId());
    }

    @Test
    void readTimesAreEachNodesLatestSweepAndLeaveOutNodesNeverRead() {
        long containerId = newContainer();
        Node a = store().nodes().insert(node(containerId, 1));
        Node b = store().nodes().insert(node(containerId, 2));
        store().nodes().insert(node(containerId, 3));

        store().nodes().recordReadings(Map.of(a.id(), readings(1), b.id(), readings(2)), T0.plusSeconds(60));
        store().nodes().recordReadings(Map.of(a.id(), readings(3)), T0.plusSeconds(120));

        assertThat(store().nodes().readTimes(containerId)).containsOnly(
                Map.entry(a.id(), T0.plusSeconds(120)), Map.entry(b.id(), T0.plusSeconds(60)));
    }

    @Test
    void readingsForAnUnknownNodeFailNamingItAndWriteNothing() {
        Node known = store().nodes().insert(node(newContainer(), 1));

        assertThatThrownBy(() -> store().nodes().recordReadings(Map.of(known.id(), readings(1), 99_999_999L, readings(2)),
                T0.plusSeconds(30)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("99999999");
        assertThat(store().nodes().readingsSince(known.id(), T0)).isEmpty();
    }

    @Test
    void pruningDropsHistoryOlderThanTheCutOffOnly() {
        Node node = store().nodes().insert(node(newContainer(), 1));
        store().nodes().recordReadings(Map.of(node.id(), readings(1)), T0.minusSeconds(86_400 * 30));
        store().nodes().recordReadings(Map.of(node.id(), readings(2)), T0);

        store().nodes().pruneReadings(T0.minusSeconds(86_400 * 7));

        assertThat(store().nodes().readingsSince(node.id(), T0.minusSeconds(86_400 * 365)))
                .extracting(NodeReadingSample::readAt).containsExactly(T0);
    }

    @Test
    void deletingANodeDeletesItsHistory() {
        Node node = store().nodes().insert(node(newContainer(), 1));
        store().nodes().recordReadings(Map.of(node.id(), readings(1)), T0);

        store().nodes().delete(node.id());

        assertThat(store().nodes().find(node.containerId(), node.service())).isEmpty();
        assertThat(store().nodes().readingsSince(node.id(), T0.minusSeconds(1))).isEmpty();
    }
}
