package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.store.NodeReadingSample;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node rows of a real store, whose connection a test can have cut after a number of status updates:
 * the next one fails as a vanished database fails, half-way through whatever was being recorded.
 */
public final class CuttingNodes implements NodeRepository {
    private final NodeRepository real;
    private final AtomicInteger statusUpdatesLeft = new AtomicInteger(Integer.MAX_VALUE);

    public CuttingNodes(NodeRepository real) {
        this.real = requireNonNull(real, "real is null");
    }

    /** After {@code n} more status updates, every further one fails. */
    public void cutAfterStatusUpdates(int n) {
        statusUpdatesLeft.set(n);
    }

    @Override
    public void updateStatus(long nodeId, NodeStatus status, Instant at) {
        if (statusUpdatesLeft.getAndDecrement() <= 0) {
            throw new StoreException("database error on jdbc:test: (conn=7) Socket error (SQLState 08000, code -1)");
        }
        real.updateStatus(nodeId, status, at);
    }

    @Override
    public Node insert(Node node) {
        return real.insert(node);
    }

    @Override
    public Node upsert(Node node) {
        return real.upsert(node);
    }

    @Override
    public void update(Node node) {
        real.update(node);
    }

    @Override
    public Optional<Node> find(Long containerId, ServiceName service) {
        return real.find(containerId, service);
    }

    @Override
    public List<Node> findByContainer(Long containerId) {
        return real.findByContainer(containerId);
    }

    @Override
    public List<Node> findAll() {
        return real.findAll();
    }

    @Override
    public void recordReadings(Map<Long, NodeReadings> readings, Instant at) {
        real.recordReadings(readings, at);
    }

    @Override
    public List<NodeReadingSample> readingsSince(long nodeId, Instant since) {
        return real.readingsSince(nodeId, since);
    }

    @Override
    public int pruneReadings(Instant olderThan) {
        return real.pruneReadings(olderThan);
    }

    @Override
    public void delete(long nodeId) {
        real.delete(nodeId);
    }
}
