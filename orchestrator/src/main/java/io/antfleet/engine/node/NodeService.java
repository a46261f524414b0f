package io.antfleet.engine.node;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.engine.ContainerSelection;
import io.antfleet.engine.FleetEngines;
import io.antfleet.engine.LeaseKeeper;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.engine.apply.DockerFleetObserver;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.plan.PortAllocator;
import io.antfleet.fleet.plan.PortBatch;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.nodemanager.RegistryRows;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import io.antfleet.nodemanager.UpgradeSummary;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code antfleet node add|start|stop|restart|upgrade|remove|disable}: by service names or by count, in one container,
 * journaled and under the lease; the container's node rows are rewritten from antctl afterwards. The container is
 * looked for on every host (or the one named) and driven through its host's engine.
 * DISABLE stops the nodes and marks them DISABLED, which apply and autoscale then leave alone.
 */
public final class NodeService {
    private final FleetEngines engines;
    private final NodeManagers managers;
    private final ContainerRepository containers;
    private final NodeRepository nodes;
    private final NodeLifecycle lifecycle;
    private final DatabaseLease lease;
    private final Clock clock;

    @Inject
    public NodeService(FleetEngines engines, NodeManagers managers, ContainerRepository containers,
            NodeRepository nodes, NodeLifecycle lifecycle, DatabaseLease lease, Clock clock) {
        this.engines = requireNonNull(engines, "engines is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * @param services the nodes to act on; when empty, {@code count} nodes are chosen (see {@link NodeVerb})
     * @return the services acted on
     */
    public List<ServiceName> run(NodeVerb verb, String container, List<ServiceName> services, int count) {
        if (verb == NodeVerb.UPGRADE) {
            return upgrade(container, services, count, null, null);
        }
        return locked(verb.name().toLowerCase(java.util.Locale.ROOT), container, t -> {
            List<ServiceName> targets = services.isEmpty() ? choose(verb, t.current, count) : checked(services, t.current, t.info.name());
            return journaled(verb, t, targets, () -> act(verb, t.manager, targets));
        });
    }

    /**
     * {@code antfleet node add}: new nodes on the lowest free ports of the container's block (antctl's
     * defaults when the container has no recorded block), started at once, as apply adds them.
     */
    public List<ServiceName> add(String container, AddOptions options) {
        return locked("add", container, t -> {
            WalletAddress wallet = options.rewardsAddress().or(() -> recordedWallet(t.current)).orElseThrow(() ->
                    new AntfleetException("container " + t.info.name() + " has no node to take a wallet from: give --rewards-address"));
            List<PortBatch> batches = t.row.ports() == null ? List.of()
                    : PortAllocator.nodePorts(t.info.name(), t.row.ports(), t.current, options.count());
            List<ServiceName> added = new ArrayList<>();
            try {
                lifecycle.change("node-add", t.row.id(), List.of(), () -> {
                    if (batches.isEmpty()) {
                        added.addAll(create(t, options, wallet, options.count(), null, null, null));
                    }
                    for (PortBatch b : batches) {
                        added.addAll(create(t, options, wallet, b.count(), b.node(), b.metrics(), b.rpc()));
                    }
                    t.manager.start(added);
                    return t.manager.survey();
                }, surveyed -> names(added), surveyed -> lifecycle.record(t.row, surveyed));
            } catch (AntfleetException | IllegalArgumentException e) {
                recordQuietly(t);
                throw e;
            }
            return added;
        });
    }

    /**
     * {@code antfleet node upgrade}: the named nodes, or the {@code count} oldest running ones, to
     * {@code version} or the binary at {@code path} (both null: antctl's latest).
     */
    public List<ServiceName> upgrade(String container, List<ServiceName> services, int count, String version, String path) {
        return locked("upgrade", container, t -> {
            List<ServiceName> targets = services.isEmpty() ? choose(NodeVerb.UPGRADE, t.current, count)
                    : checked(services, t.current, t.info.name());
            return journaled(NodeVerb.UPGRADE, t, targets, () -> {
                UpgradeSummary summary = t.manager.upgrader().orElseThrow(() -> new AntfleetException("the node manager of "
                        + t.info.name() + " cannot upgrade nodes in place")).upgrade(new UpgradeNodesRequest(targets, path, version));
                if (!summary.failed().isEmpty()) {
                    throw new AntfleetException("upgrade failed for " + summary.failed().stream()
                            .map(o -> o.service().value() + (o.message() == null ? "" : ": " + o.message()))
                            .collect(Collectors.joining("; ")));
                }
            });
        });
    }

    private List<ServiceName> create(Target t, AddOptions o, WalletAddress wallet, int count, PortRange node,
            PortRange metrics, PortRange rpc) {
        AddNodesRequest request = new AddNodesRequest(count, o.path(), o.version(), node, metrics, rpc, o.noUpnp(), wallet,
                o.network());
        return t.manager.add(request, fresh -> lifecycle.record(t.row, fresh)).stream().map(RegisteredNode::service)
                .collect(Collectors.toList());
    }

    /** The wallet antctl recorded for the youngest node, the one the operator set up last. */
    private static Optional<WalletAddress> recordedWallet(List<Node> current) {
        return current.stream().sorted(Comparator.comparingInt(Node::number).reversed()).map(Node::wallet)
                .filter(w -> w != null && WalletAddress.isValid(w)).findFirst().map(WalletAddress::new);
    }

    /** Through the lifecycle: the change, then the registry as it now is into the rows, with the entry's completion. */
    private List<ServiceName> journaled(NodeVerb verb, Target t, List<ServiceName> targets, Runnable action) {
        List<ServiceName> disabled = verb == NodeVerb.DISABLE ? targets : List.of();
        try {
            lifecycle.change("node-" + verb.name().toLowerCase(java.util.Locale.ROOT), t.row.id(), names(targets), () -> {
                action.run();
                return t.manager.survey();
            }, surveyed -> names(targets), surveyed -> record(t.row, surveyed, disabled));
        } catch (AntfleetException | IllegalArgumentException e) {
            recordQuietly(t);
            throw e;
        }
        return targets;
    }

    /**
     * Whether the container's nodes upgrade themselves (nodeManager ant: ant-node replaces its own binary,
     * ant-v2-contract.md §5.4), so that {@code node upgrade} has nothing to do there. No lease: nothing changes.
     */
    public boolean upgradesItself(String container) {
        ContainerInfo info = find(container);
        Optional<Container> row = containers.find(info.host(), info.id(), info.name());
        return DockerFleetObserver.processManager(info, row) == ProcessManager.ANT;
    }

    /** After a failure the rows still follow the registry (a partial add or upgrade changed some nodes). */
    private void recordQuietly(Target t) {
        try {
            lifecycle.record(t.row, t.manager.survey());
        } catch (AntfleetException e) {
            // the first failure is the one to report; the next run rewrites the rows
        }
    }

    /** The container, its row, its manager and its nodes as antctl has them, all under the lease. */
    private <T> T locked(String what, String container, Function<Target, T> work) {
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "node " + what)) {
            ContainerInfo info = find(container);
            Container row = containers.find(info.host(), info.id(), info.name())
                    .orElseThrow(() -> new AntfleetException("container " + info.name() + " is not recorded: run antfleet import first"));
            NodeManager manager = managers.forContainer(info.host(), info.id(), info.name(),
                    DockerFleetObserver.processManager(info, Optional.of(row)));
            return work.apply(new Target(info, row, manager, current(manager, row)));
        }
    }

    private record Target(ContainerInfo info, Container row, NodeManager manager, List<Node> current) {
    }

    private static List<String> names(List<ServiceName> services) {
        return services.stream().map(ServiceName::value).collect(Collectors.toList());
    }

    /**
     * The id of the one container {@code wanted} names in {@code fleet}, for a {@code --container} that names
     * containers of several fleets ({@link ContainerSelection}); the commands above then take the id.
     */
    public String resolve(String wanted, Optional<String> fleet) {
        return locate(wanted, fleet, Optional.empty()).id();
    }

    /**
     * The one container {@code wanted} names in {@code fleet}, on the one host {@code host} names when given (else on
     * any host); its {@code host} says where it runs.
     *
     * @throws io.antfleet.engine.UnknownHostNameException when {@code host} names no recorded host
     * @throws AntfleetException when none matches (naming the hosts whose engine did not answer)
     */
    public ContainerInfo locate(String wanted, Optional<String> fleet, Optional<String> host) {
        FleetEngines.Listing listed = engines.list(engines.scope(host), Collections.singletonMap(FleetLabels.FLEET, null));
        if (!listed.unreachable().isEmpty() && ContainerSelection.matching(listed.containers(), wanted, fleet).isEmpty()) {
            throw new AntfleetException("no antfleet container named '" + wanted + "' on the hosts that answered; "
                    + listed.unreachable().stream().map(p -> p.message()).collect(Collectors.joining("; ")));
        }
        return ContainerSelection.one(listed.containers(), wanted, fleet);
    }

    private ContainerInfo find(String wanted) {
        return locate(wanted, Optional.empty(), Optional.empty());
    }

    private List<Node> current(NodeManager manager, Container row) {
        Map<ServiceName, Node> rows = nodes.findByContainer(row.id()).stream()
                .collect(Collectors.toMap(Node::service, Function.identity(), (a, b) -> a));
        return manager.survey().stream().map(n -> RegistryRows.view(n, Optional.ofNullable(rows.get(n.service()))))
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

    private static void act(NodeVerb verb, NodeManager manager, List<ServiceName> targets) {
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
            case REMOVE:
                manager.remove(targets, false);
                break;
            default:
                throw new IllegalArgumentException("node " + verb + " is not a simple antctl verb");
        }
    }

    /** The registry into the rows; {@code disabled} nodes are marked DISABLED. */
    private void record(Container row, List<? extends RegisteredNode> surveyed, List<ServiceName> disabled) {
        lifecycle.record(row, surveyed);
        java.time.Instant now = clock.instant();
        for (ServiceName s : disabled) {
            nodes.find(row.id(), s).filter(n -> n.status() != NodeStatus.DISABLED)
                    .ifPresent(n -> nodes.updateStatus(n.id(), NodeStatus.DISABLED, now));
        }
    }
}
