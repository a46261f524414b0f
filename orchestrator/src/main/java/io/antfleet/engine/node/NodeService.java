package io.antfleet.engine.node;

import static java.util.Objects.requireNonNull;

import io.antfleet.antctl.AntctlManager;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlNode;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.apply.DockerFleetObserver;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.engine.apply.LeaseHeldException;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.ServiceName;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code antfleet node start|stop|restart|remove|disable}: by service names or by count, in one container,
 * journaled and under the lease; the container's node rows are rewritten from antctl afterwards.
 * DISABLE stops the nodes and marks them DISABLED, which apply and autoscale then leave alone.
 */
public final class NodeService {
    private static final Duration LEASE_TTL = Duration.ofHours(1);
    private final DockerGateway docker;
    private final AntctlManagerFactory managers;
    private final ContainerRepository containers;
    private final NodeRepository nodes;
    private final OperationJournal journal;
    private final DatabaseLease lease;
    private final Clock clock;

    @Inject
    public NodeService(DockerGateway docker, AntctlManagerFactory managers, ContainerRepository containers,
            NodeRepository nodes, OperationJournal journal, DatabaseLease lease) {
        this(docker, managers, containers, nodes, journal, lease, Clock.systemUTC());
    }

    public NodeService(DockerGateway docker, AntctlManagerFactory managers, ContainerRepository containers,
            NodeRepository nodes, OperationJournal journal, DatabaseLease lease, Clock clock) {
        this.docker = requireNonNull(docker, "docker is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.journal = requireNonNull(journal, "journal is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * @param services the nodes to act on; when empty, {@code count} nodes are chosen (see {@link NodeVerb})
     * @return the services acted on
     */
    public List<ServiceName> run(NodeVerb verb, String container, List<ServiceName> services, int count) {
        String holder = "node " + verb.name().toLowerCase(java.util.Locale.ROOT) + " pid " + ProcessHandle.current().pid();
        if (!lease.tryAcquire(holder, LEASE_TTL)) {
            throw new LeaseHeldException("another antfleet process holds the database lease; no node was changed");
        }
        try {
            ContainerInfo info = find(container);
            Container row = containers.findByDockerId(info.id()).or(() -> containers.findByName(info.name()))
                    .orElseThrow(() -> new AntfleetException("container " + info.name() + " is not recorded: run antfleet import first"));
            AntctlManager manager = managers.forContainer(info.id(), info.name(), DockerFleetObserver.processManager(info, Optional.of(row)));
            List<Node> current = current(manager, row);
            List<ServiceName> targets = services.isEmpty() ? choose(verb, current, count) : checked(services, current, info.name());
            Operation op = journal.begin("node-" + verb.name().toLowerCase(java.util.Locale.ROOT), row.id(),
                    targets.stream().map(ServiceName::value).collect(Collectors.toList()));
            try {
                act(verb, manager, targets);
                record(manager, row, verb == NodeVerb.DISABLE ? targets : List.of());
                journal.complete(op.id(), targets.stream().map(ServiceName::value).collect(Collectors.toList()));
            } catch (AntfleetException e) {
                journal.fail(op.id(), String.valueOf(e.getMessage()));
                throw e;
            }
            return targets;
        } finally {
            lease.release(holder);
        }
    }

    private ContainerInfo find(String wanted) {
        return docker.listByLabels(Collections.singletonMap(FleetLabels.FLEET, null)).stream()
                .filter(i -> wanted.equals(i.name()) || i.id().startsWith(wanted) || wanted.equals(i.labels().get(FleetLabels.CONTAINER)))
                .findFirst().orElseThrow(() -> new AntfleetException("no antfleet container named '" + wanted + "'"));
    }

    private List<Node> current(AntctlManager manager, Container row) {
        Map<ServiceName, Node> rows = nodes.findByContainer(row.id()).stream()
                .collect(Collectors.toMap(Node::service, Function.identity(), (a, b) -> a));
        return manager.survey().stream().map(n -> DockerFleetObserver.toNode(n, Optional.ofNullable(rows.get(n.service()))))
                .collect(Collectors.toList());
    }

    static List<ServiceName> choose(NodeVerb verb, List<Node> current, int count) {
        if (count < 1) {
            throw new AntfleetException("give --service NAME or --count N (N >= 1)");
        }
        Comparator<Node> order = Comparator.comparingInt(Node::number);
        if (verb.youngestFirst()) {
            order = order.reversed();
        }
        if (verb == NodeVerb.REMOVE) {
            order = Comparator.comparing((Node n) -> n.status() != NodeStatus.STOPPED).thenComparing(order);
        }
        List<ServiceName> chosen = current.stream().filter(n -> verb.candidates().contains(n.status())).sorted(order)
                .limit(count).map(Node::service).collect(Collectors.toList());
        if (chosen.isEmpty()) {
            throw new AntfleetException("no node can be chosen to " + verb.name().toLowerCase(java.util.Locale.ROOT));
        }
        return chosen;
    }

    private static List<ServiceName> checked(List<ServiceName> services, List<Node> current, String container) {
        for (ServiceName s : services) {
            boolean known = current.stream().anyMatch(n -> n.service().equals(s) && n.status() != NodeStatus.DEAD);
            if (!known) {
                throw new AntfleetException("container " + container + " has no node " + s + " (or it was removed)");
            }
        }
        return List.copyOf(services);
    }

    private static void act(NodeVerb verb, AntctlManager manager, List<ServiceName> targets) {
        switch (verb) {
            case START:
                manager.start(targets);
                break;
            case STOP:
            case DISABLE:
                manager.stop(targets);
                break;
            case RESTART:
                manager.restart(targets);
                break;
            default:
                manager.remove(targets, false);
        }
    }

    /** antctl's registry into the rows; {@code disabled} nodes are marked DISABLED. */
    private void record(AntctlManager manager, Container row, List<ServiceName> disabled) {
        java.time.Instant now = clock.instant();
        for (AntctlNode n : manager.survey()) {
            Optional<Node> old = nodes.find(row.id(), n.service());
            Node seen = DockerFleetObserver.toNode(n, old);
            NodeStatus status = disabled.contains(n.service()) ? NodeStatus.DISABLED : seen.status();
            nodes.upsert(new Node(seen.id(), row.id(), seen.service(), status, seen.nodePort(), seen.metricsPort(),
                    seen.rpcPort(), seen.dataDir(), seen.logDir(), seen.binaryPath(), seen.version(), seen.peerId(),
                    seen.wallet(), seen.readings(), old.map(Node::createdAt).orElse(now),
                    old.filter(o -> o.status() == status).map(Node::statusChangedAt).orElse(now)));
        }
    }
}
