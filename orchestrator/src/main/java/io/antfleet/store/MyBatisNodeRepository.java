package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.BatchResult;

final class MyBatisNodeRepository implements NodeRepository {
    private final Transactions transactions;

    @Inject
    MyBatisNodeRepository(Transactions transactions) {
        this.transactions = requireNonNull(transactions, "transactions is null");
    }

    @Override
    public Node insert(Node node) {
        requireNonNull(node, "node is null");
        return transactions.inTransaction(session -> {
            GeneratedId key = new GeneratedId();
            try {
                session.mapper(NodeMapper.class).insert(node, key);
            } catch (PersistenceException e) {
                throw duplicateOr(e, node);
            }
            return node.withId(key.value());
        });
    }

    @Override
    public Node upsert(Node node) {
        requireNonNull(node, "node is null");
        return transactions.inTransaction(session -> upsert(session.mapper(NodeMapper.class), node));
    }

    @Override
    public List<Node> upsertAll(List<Node> nodes) {
        nodes.forEach(n -> requireNonNull(n, "a node is null"));
        if (nodes.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(session -> {
            NodeMapper mapper = session.mapper(NodeMapper.class);
            List<Node> stored = new ArrayList<>(nodes.size());
            nodes.forEach(n -> stored.add(upsert(mapper, n)));
            return stored;
        });
    }

    /**
     * Rows with an id: one batch of updates by key; rows without, and any update that found no row: one batch of
     * inserts. Should an insert meet a row a concurrent writer added meanwhile, those rows are upserted one by one
     * (the statement failed alone: the transaction and the rows written before it stand).
     */
    @Override
    public void writeAll(List<Node> rows) {
        rows.forEach(n -> requireNonNull(n, "a node is null"));
        if (rows.isEmpty()) {
            return;
        }
        transactions.useTransaction(session -> {
            List<Node> known = rows.stream().filter(n -> n.id() != null).toList();
            List<Node> fresh = new ArrayList<>(rows.stream().filter(n -> n.id() == null).toList());
            if (!known.isEmpty()) {
                fresh.addAll(notUpdated(session.batch(NodeMapper.class, m -> known.forEach(m::updateByKey)), known));
            }
            if (fresh.isEmpty()) {
                return;
            }
            try {
                session.batch(NodeMapper.class, m -> fresh.forEach(m::insertRow));
            } catch (PersistenceException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
                NodeMapper mapper = session.mapper(NodeMapper.class);
                fresh.forEach(n -> upsert(mapper, n));
            }
        });
    }

    /** The rows whose update changed nothing (a driver that reports no counts, -2, counts as updated). */
    private static List<Node> notUpdated(List<BatchResult> results, List<Node> rows) {
        List<Node> missing = new ArrayList<>();
        int index = 0;
        for (BatchResult result : results) {
            for (int count : result.getUpdateCounts()) {
                if (count == 0) {
                    missing.add(rows.get(index));
                }
                index++;
            }
        }
        return missing;
    }

    private static Node upsert(NodeMapper mapper, Node node) {
        if (mapper.updateByKey(node) == 0) {
            // A concurrent upsert may insert the same key between our UPDATE and our INSERT:
            // then the row exists, and updating it is what this upsert means.
            try {
                mapper.insert(node, new GeneratedId());
            } catch (PersistenceException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
                mapper.updateByKey(node);
            }
        }
        return mapper.find(node.containerId(), node.service());
    }

    @Override
    public void update(Node node) {
        requireNonNull(node.id(), "node id is null");
        transactions.useTransaction(session -> {
            int rows;
            try {
                rows = session.mapper(NodeMapper.class).update(node);
            } catch (PersistenceException e) {
                throw duplicateOr(e, node);
            }
            requireRow(rows, node.id());
        });
    }

    @Override
    public Optional<Node> find(Long containerId, ServiceName service) {
        requireNonNull(service, "service is null");
        return transactions.inTransaction(session -> Optional.ofNullable(session.mapper(NodeMapper.class).find(containerId, service)));
    }

    @Override
    public List<Node> findByContainer(Long containerId) {
        return transactions.inTransaction(session -> session.mapper(NodeMapper.class).findByContainer(containerId));
    }

    @Override
    public List<Node> findRegistryRows(Long containerId) {
        return transactions.inTransaction(session -> session.mapper(NodeMapper.class).findRegistryRows(containerId))
                .stream().map(NodeMapper.RegistryRow::node).toList();
    }

    @Override
    public List<Node> findAll() {
        return transactions.inTransaction(session -> session.mapper(NodeMapper.class).findAll());
    }

    @Override
    public void updateStatus(long nodeId, NodeStatus status, Instant at) {
        requireNonNull(status, "status is null");
        transactions.useTransaction(session -> requireRow(session.mapper(NodeMapper.class).updateStatus(nodeId, status, at), nodeId));
    }

    @Override
    public void recordReadings(Map<Long, NodeReadings> readings, Instant at) {
        requireNonNull(readings, "readings is null");
        requireNonNull(at, "at is null");
        if (readings.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(readings.keySet());
        transactions.useTransaction(session -> {
            List<BatchResult> updated = session.batch(NodeMapper.class,
                    mapper -> ids.forEach(id -> mapper.updateReadings(id, readings.get(id), at)));
            requireAllUpdated(updated, ids);
            session.batch(NodeReadingMapper.class, mapper -> ids.forEach(id -> mapper.insert(id, readings.get(id), at)));
        });
    }

    @Override
    public Map<Long, Instant> readTimes(Long containerId) {
        Map<Long, Instant> times = new HashMap<>();
        transactions.inTransaction(session -> session.mapper(NodeMapper.class).readTimes(containerId))
                .forEach(t -> times.put(t.nodeId(), t.readAt()));
        return times;
    }

    @Override
    public List<NodeReadingSample> readingsSince(long nodeId, Instant since) {
        return transactions.inTransaction(session -> session.mapper(NodeReadingMapper.class).findSince(nodeId, since));
    }

    @Override
    public int pruneReadings(Instant olderThan) {
        return transactions.inTransaction(session -> session.mapper(NodeReadingMapper.class).deleteOlderThan(olderThan));
    }

    @Override
    public void delete(long nodeId) {
        transactions.useTransaction(session -> session.mapper(NodeMapper.class).delete(nodeId));
    }

    private static void requireAllUpdated(List<BatchResult> results, List<Long> ids) {
        List<Long> missing = new ArrayList<>();
        int index = 0;
        for (BatchResult result : results) {
            for (int count : result.getUpdateCounts()) {
                if (count == 0) {
                    missing.add(ids.get(index));
                }
                index++;
            }
        }
        if (!missing.isEmpty()) {
            throw new StoreException("readings for nodes that are not in the store: ids " + missing);
        }
    }

    private static void requireRow(int rows, long nodeId) {
        if (rows == 0) {
            throw new StoreException("no node with id " + nodeId);
        }
    }

    private static RuntimeException duplicateOr(PersistenceException e, Node node) {
        if (SqlErrors.isDuplicateOn(e, "node_container_service_unique")) {
            String container = node.containerId() == null ? "none (antctl on the host)" : node.containerId().toString();
            return new StoreException("a node with container " + container + " and service " + node.service()
                    + " already exists", e);
        }
        return e;
    }
}
