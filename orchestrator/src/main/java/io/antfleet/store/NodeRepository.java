package io.antfleet.store;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.time.Instant;
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

    /** Inserts, or updates the row with the same (container, service); never duplicates. */
    Node upsert(Node node);

    void update(Node node);

    Optional<Node> find(Long containerId, ServiceName service);

    /** The container's nodes, in service-number order. */
    List<Node> findByContainer(Long containerId);

    List<Node> findAll();

    void updateStatus(long nodeId, NodeStatus status, Instant at);

    /**
     * Writes one sweep's readings to the node rows and the history table in batched statements.
     * Keys are node ids.
     */
    void recordReadings(Map<Long, NodeReadings> readings, Instant at);

    void delete(long nodeId);
}
