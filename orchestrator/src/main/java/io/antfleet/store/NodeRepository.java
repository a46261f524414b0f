package io.antfleet.store;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Node table, unique on (container, service). */
public interface NodeRepository {
    /**
     * Inserts and returns the row with its id. A second node with the same (container, service)
     * raises {@link StoreException} naming both values.
     */
    Node insert(Node node);

    /**
     * Inserts, or updates the row with the same (container, service); never duplicates, also under
     * concurrent callers. An update keeps the row's readings (written by {@link #recordReadings}) and
     * its creation time; the stored row is returned.
     */
    Node upsert(Node node);

    /**
     * {@link #upsert} of each node, in one transaction where the store has them (one container's import
     * writes its rows together); the stored rows in the order given.
     */
    default List<Node> upsertAll(List<Node> nodes) {
        List<Node> stored = new java.util.ArrayList<>(nodes.size());
        nodes.forEach(n -> stored.add(upsert(n)));
        return stored;
    }

    /**
     * Writes each row as {@link #upsert} does (keyed on container and service, an existing row keeping its
     * readings and creation time), in one transaction, without reading them back: a row with an id is expected
     * to exist and one without to be new, which the store uses to send each kind as one batch (a node manager's
     * registry written as it changed). A row that turns out otherwise (inserted or deleted meanwhile) is still
     * written as {@link #upsert} would.
     */
    default void writeAll(List<Node> rows) {
        rows.forEach(this::upsert);
    }

    /** Updates every column of the row with {@code node.id()}; a missing row raises {@link StoreException}. */
    void update(Node node);

    Optional<Node> find(Long containerId, ServiceName service);

    /** The container's nodes, in service-number order; a null container means antctl on the host. */
    List<Node> findByContainer(Long containerId);

    /**
     * As {@link #findByContainer}, except that the readings may be left out (null): what a node manager's registry is
     * compared with before its rows are written, which never touch the readings. The store reads the node columns
     * alone, without the readings' mapping, which cost a re-import more than the rest of its reads.
     */
    default List<Node> findRegistryRows(Long containerId) {
        return findByContainer(containerId);
    }

    List<Node> findAll();

    /** Sets the status and its timestamp; a missing row raises {@link StoreException}. */
    void updateStatus(long nodeId, NodeStatus status, Instant at);

    /**
     * Writes one sweep's readings to the node rows and the history table in batched statements.
     * Keys are node ids; an id that is not in the store raises {@link StoreException} and nothing is
     * written. The node rows' identity columns (peer id, version) are left alone: the readings carry
     * their own.
     */
    void recordReadings(Map<Long, NodeReadings> readings, Instant at);

    /**
     * When each node of the container was last read (the latest sweep that reached it), by node id; nodes
     * never read are left out. This default asks each node's history; the store reads the node rows.
     */
    default Map<Long, Instant> readTimes(Long containerId) {
        Map<Long, Instant> times = new HashMap<>();
        for (Node n : findByContainer(containerId)) {
            List<NodeReadingSample> history = readingsSince(n.id(), Instant.EPOCH);
            if (!history.isEmpty()) {
                times.put(n.id(), history.get(history.size() - 1).readAt());
            }
        }
        return times;
    }

    /** A node's readings history from {@code since} on, oldest first. */
    List<NodeReadingSample> readingsSince(long nodeId, Instant since);

    /** Deletes history older than {@code olderThan} (the retention setting); returns the rows deleted. */
    int pruneReadings(Instant olderThan);

    /** Deletes the node and its history; deleting a missing node does nothing. */
    void delete(long nodeId);
}
