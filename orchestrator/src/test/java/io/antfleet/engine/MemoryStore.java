package io.antfleet.engine;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.Host;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.HostRepository;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The store's ports in memory, with the real ones' uniqueness rules, for unit tests. */
public final class MemoryStore {
    public final Containers containers = new Containers();
    public final Nodes nodes = new Nodes();
    public final Journal journal = new Journal();
    public final Hosts hosts = new Hosts();
    public final MemoryDecisionLog decisions = new MemoryDecisionLog();

    /** The version-change rule over this store's journal and decision log. */
    public VersionChanges versions() {
        return new VersionChanges(journal, decisions);
    }

    /** Everything, for "the database is unchanged" assertions. */
    public synchronized String snapshot() {
        return containers.rows + "\n" + nodes.rows + "\n" + journal.rows;
    }

    public static final class Containers implements ContainerRepository {
        final Map<Long, Container> rows = new LinkedHashMap<>();
        private long next = 1;

        @Override
        public synchronized Container insert(Container c) {
            if (findByName(c.host(), c.name()).isPresent() || (c.dockerId() != null && findByDockerId(c.host(), c.dockerId()).isPresent())) {
                throw new StoreException("duplicate container " + c.name() + " / " + c.dockerId());
            }
            Container row = c.withId(next++);
            rows.put(row.id(), row);
            return row;
        }

        @Override
        public synchronized void update(Container c) {
            Container old = rows.get(c.id());
            rows.put(c.id(), old == null ? c : c.onHost(old.host()));
        }

        @Override
        public synchronized Optional<Container> findById(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized Optional<Container> findByName(String name) {
            return rows.values().stream().filter(c -> c.name().equals(name)).findFirst();
        }

        @Override
        public synchronized List<Container> findAllByName(String name) {
            return rows.values().stream().filter(c -> c.name().equals(name))
                    .sorted(Comparator.comparing((Container c) -> !c.host().equals("local"))).toList();
        }

        @Override
        public synchronized Optional<Container> findByDockerId(String dockerId) {
            return rows.values().stream().filter(c -> dockerId.equals(c.dockerId())).findFirst();
        }

        @Override
        public synchronized Optional<Container> findByName(String host, String name) {
            return rows.values().stream().filter(c -> c.host().equals(host) && c.name().equals(name)).findFirst();
        }

        @Override
        public synchronized Optional<Container> findByDockerId(String host, String dockerId) {
            return rows.values().stream().filter(c -> c.host().equals(host) && dockerId.equals(c.dockerId())).findFirst();
        }

        @Override
        public synchronized List<Container> findAll() {
            return rows.values().stream().sorted(Comparator.comparing(Container::name).thenComparing(Container::host)).toList();
        }

        @Override
        public synchronized void delete(long id) {
            rows.remove(id);
        }
    }

    /** Hosts by name; the local one is there from the start, as the schema has it. */
    public static final class Hosts implements HostRepository {
        final Map<String, Host> rows = new LinkedHashMap<>(Map.of(HostSpec.LOCAL,
                new Host(1L, HostSpec.LOCAL, Optional.empty(), Optional.empty())));

        @Override
        public synchronized Host record(Host host) {
            Host row = host.withId(Optional.ofNullable(rows.get(host.name())).map(Host::id).orElse(rows.size() + 1L));
            rows.put(row.name(), row);
            return row;
        }

        @Override
        public synchronized Optional<Host> findByName(String name) {
            return Optional.ofNullable(rows.get(name));
        }

        @Override
        public synchronized List<Host> findAll() {
            return List.copyOf(rows.values());
        }
    }

    public static final class Nodes implements NodeRepository {
        final Map<Long, Node> rows = new LinkedHashMap<>();
        private final Map<Long, Instant> readAt = new java.util.HashMap<>();
        private long next = 1;

        @Override
        public synchronized Node insert(Node n) {
            if (find(n.containerId(), n.service()).isPresent()) {
                throw new StoreException("duplicate node (" + n.containerId() + ", " + n.service() + ")");
            }
            Node row = n.withId(next++);
            rows.put(row.id(), row);
            return row;
        }

        @Override
        public synchronized Node upsert(Node n) {
            Optional<Node> old = find(n.containerId(), n.service());
            if (old.isEmpty()) {
                return insert(n);
            }
            Node row = n.withId(old.get().id());
            rows.put(row.id(), row);
            return row;
        }

        @Override
        public synchronized void update(Node n) {
            rows.put(n.id(), n);
        }

        @Override
        public synchronized Optional<Node> find(Long containerId, ServiceName service) {
            return rows.values().stream()
                    .filter(n -> Objects.equals(n.containerId(), containerId) && n.service().equals(service)).findFirst();
        }

        @Override
        public synchronized List<Node> findByContainer(Long containerId) {
            return rows.values().stream().filter(n -> Objects.equals(n.containerId(), containerId))
                    .sorted(Comparator.comparing(Node::service)).toList();
        }

        @Override
        public synchronized List<Node> findAll() {
            return List.copyOf(rows.values());
        }

        @Override
        public synchronized void updateStatus(long nodeId, NodeStatus status, Instant at) {
            rows.computeIfPresent(nodeId, (k, n) -> n.withStatus(status, at));
        }

        @Override
        public synchronized void recordReadings(Map<Long, NodeReadings> readings, Instant at) {
            readings.forEach((id, r) -> rows.computeIfPresent(id, (k, n) -> n.withReadings(r)));
            readings.keySet().stream().filter(rows::containsKey).forEach(id -> readAt.put(id, at));
        }

        @Override
        public synchronized Map<Long, Instant> readTimes(Long containerId) {
            Map<Long, Instant> times = new java.util.HashMap<>();
            rows.values().stream().filter(n -> java.util.Objects.equals(n.containerId(), containerId) && readAt.containsKey(n.id()))
                    .forEach(n -> times.put(n.id(), readAt.get(n.id())));
            return times;
        }

        @Override
        public synchronized List<io.antfleet.store.NodeReadingSample> readingsSince(long nodeId, Instant since) {
            return List.of();
        }

        @Override
        public synchronized int pruneReadings(Instant olderThan) {
            return 0;
        }

        @Override
        public synchronized void delete(long nodeId) {
            rows.remove(nodeId);
        }
    }

    public static final class Journal implements OperationJournal {
        final Map<Long, Operation> rows = new LinkedHashMap<>();
        private long next = 1;

        @Override
        public synchronized Operation begin(String intent, Long containerId, List<String> services) {
            Operation op = new Operation(next++, intent, containerId, services, OperationState.PENDING, 1, Instant.EPOCH,
                    null, null);
            rows.put(op.id(), op);
            return op;
        }

        @Override
        public synchronized void complete(long id, List<String> services) {
            Operation o = rows.get(id);
            rows.put(id, new Operation(id, o.intent(), o.containerId(), services, OperationState.DONE, o.attempts(),
                    o.startedAt(), Instant.EPOCH, null));
        }

        @Override
        public synchronized void fail(long id, String error) {
            Operation o = rows.get(id);
            rows.put(id, new Operation(id, o.intent(), o.containerId(), o.services(), OperationState.FAILED,
                    o.attempts(), o.startedAt(), Instant.EPOCH, error));
        }

        @Override
        public synchronized void recordAttempt(long id) {
            Operation o = rows.get(id);
            rows.put(id, new Operation(id, o.intent(), o.containerId(), o.services(), o.state(), o.attempts() + 1,
                    o.startedAt(), o.finishedAt(), o.error()));
        }

        @Override
        public synchronized Optional<Operation> find(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized List<Operation> pending() {
            return rows.values().stream().filter(o -> o.state() == OperationState.PENDING).toList();
        }

        @Override
        public synchronized List<Operation> recent(int limit) {
            List<Operation> all = new ArrayList<>(rows.values());
            java.util.Collections.reverse(all);
            return all.subList(0, Math.min(limit, all.size()));
        }

        @Override
        public synchronized List<Operation> recentOn(long containerId, int limit) {
            return recent(Integer.MAX_VALUE).stream().filter(o -> o.containerId() != null && o.containerId() == containerId)
                    .limit(limit).toList();
        }
    }
}
