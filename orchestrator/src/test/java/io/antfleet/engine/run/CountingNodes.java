package io.antfleet.engine.run;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.store.NodeReadingSample;
import io.antfleet.store.NodeRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node repository that counts its writes, over another one. */
final class CountingNodes implements NodeRepository {
    private final NodeRepository delegate;
    final List<Map<Long, NodeReadings>> readingBatches = new ArrayList<>();
    final List<Instant> pruneCutoffs = new ArrayList<>();
    int statusUpdates;

    CountingNodes(NodeRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Node insert(Node node) {
        return delegate.insert(node);
    }

    @Override
    public Node upsert(Node node) {
        return delegate.upsert(node);
    }

    @Override
    public void update(Node node) {
        delegate.update(node);
    }

    @Override
    public Optional<Node> find(Long containerId, ServiceName service) {
        return delegate.find(containerId, service);
    }

    @Override
    public List<Node> findByContainer(Long containerId) {
        return delegate.findByContainer(containerId);
    }

    @Override
    public List<Node> findAll() {
        return delegate.findAll();
    }

    @Override
    public void updateStatus(long nodeId, NodeStatus status, Instant at) {
        statusUpdates++;
        delegate.updateStatus(nodeId, status, at);
    }

    @Override
    public void recordReadings(Map<Long, NodeReadings> readings, Instant at) {
        readingBatches.add(Map.copyOf(readings));
        delegate.recordReadings(readings, at);
    }

    @Override
    public List<NodeReadingSample> readingsSince(long nodeId, Instant since) {
        return delegate.readingsSince(nodeId, since);
    }

    @Override
    public int pruneReadings(Instant olderThan) {
        pruneCutoffs.add(olderThan);
        return delegate.pruneReadings(olderThan);
    }

    @Override
    public void delete(long nodeId) {
        delegate.delete(nodeId);
    }
}
