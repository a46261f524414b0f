package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.Versions;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.nodemanager.UpgradeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Drives antctl in one container (or on the host). Calls are serialised: antctl rewrites its registry
 * whole after every change, so two calls into one registry must never overlap. Different containers'
 * managers run in parallel. Liveness comes from the node's metrics endpoint, not from antctl. The first
 * {@link NodeManager}: antctl 0.14 with antnode 0.4.
 */
public final class AntctlManager implements NodeManager {
    private final AntctlClient client;
    private final LivenessProbe probe;
    private final AntctlSettings settings;
    private final WedgedNodes wedged;
    private final AntctlPopulator populator;

    public AntctlManager(AntctlClient client, LivenessProbe probe, AntctlSettings settings) {
        this.client = requireNonNull(client, "client is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.wedged = new WedgedNodes(client, probe);
        this.populator = new AntctlPopulator(this, client, probe);
    }

    @Override
    public String target() {
        return client.target();
    }

    public synchronized AntctlVersion version() {
        return client.version();
    }

    @Override
    public String toolVersion() {
        return version().toString();
    }

    /**
     * Every registry entry, Removed ones included, in number order; empty for an empty registry. antctl
     * rewrites its registry by truncating it first (ant-service-management src/registry.rs:173) and reads an
     * empty file as an empty registry (registry.rs:203), so a status that catches a write in flight (a node's
     * self-upgrade, an operator's antctl) prints nothing: an empty answer is read once more before it counts.
     */
    @Override
    public synchronized List<AntctlNode> survey() {
        List<AntctlNode> nodes = client.status();
        if (nodes.isEmpty()) {
            nodes = client.status();
        }
        return nodes.stream().sorted(Comparator.comparing(AntctlNode::service)).toList();
    }

    public List<AntctlNode> create(AddRequest request) {
        return create(request, nodes -> { });
    }

    @Override
    public List<AntctlNode> add(AddNodesRequest r, Consumer<List<? extends RegisteredNode>> added) {
        return create(AddRequest.of(r), added::accept);
    }

    /**
     * Adds {@code request.count()} nodes in one antctl call (not started). The new names are the diff of
     * status before and after, cross-checked with the add output's ✓ lines. The listener hears the new
     * nodes before this returns or raises; when antctl failed after adding some, a
     * {@link PartialAddException} lists them.
     */
    public synchronized List<AntctlNode> create(AddRequest request, AddedNodesListener listener) {
        Set<ServiceName> before = names(client.status());
        AddOutput output;
        try {
            output = client.add(request);
        } catch (AntctlException failed) {
            throw afterFailedAdd(failed, before, listener);
        }
        List<AntctlNode> added = newNodes(before, client.status());
        listener.added(added);
        Set<ServiceName> reported = Set.copyOf(output.added());
        if (!reported.equals(names(added))) {
            throw new AntctlException("antctl add reported " + sorted(reported) + " as added but status --json shows "
                    + sorted(names(added)) + " as new", client.target(), client.dialect().add(request), 0, "",
                    List.of());
        }
        return added;
    }

    /** {@link NodeManager#populate}, as {@link AntctlPopulator} does it for antctl. */
    @Override
    public synchronized List<AntctlNode> populate(List<AddNodesRequest> requests,
            Consumer<List<? extends RegisteredNode>> added) {
        return populator.populate(requests, added);
    }

    /** The error for a failed add, once the listener heard what it added anyway. */
    AntctlException afterFailedAdd(AntctlException failed, Set<ServiceName> before,
            AddedNodesListener listener) {
        List<AntctlNode> added;
        try {
            added = newNodes(before, client.status());
        } catch (RuntimeException e) {
            failed.addSuppressed(e);
            return failed;
        }
        listener.added(added);
        return added.isEmpty() ? failed : new PartialAddException(failed, added);
    }

    /** Starts the nodes with the configured interval / connection timeout. */
    @Override
    public void start(List<ServiceName> services) {
        start(new StartRequest(services, settings.startInterval(), settings.connectionTimeout()));
    }

    public synchronized void start(StartRequest request) {
        wedged.recovering(() -> {
            client.start(request);
            return null;
        });
    }

    @Override
    public synchronized void stop(List<ServiceName> services) {
        wedged.recovering(() -> {
            client.stop(new StopRequest(services, null));
            return null;
        });
    }

    /** antctl has no restart: stop, then start. */
    @Override
    public synchronized void restart(List<ServiceName> services) {
        stop(services);
        start(services);
    }

    /** Stops, then removes; the entries stay in antctl's registry as Removed (numbers never reused). */
    @Override
    public synchronized void remove(List<ServiceName> services, boolean keepDirectories) {
        stop(services);
        wedged.recovering(() -> {
            client.remove(new RemoveRequest(services, keepDirectories));
            return null;
        });
    }

    /**
     * Upgrades the named nodes. {@code --path} always forces in antctl (cmd/node.rs:470: every node is stopped,
     * replaced and restarted, downgrades included), so for a path antfleet reads the binary's version first and
     * leaves out the nodes already at it or ahead of it (a node that upgraded itself is not downgraded). A node
     * antctl upgraded but could not start ({@link UpgradeOutcome.Kind#NOT_STARTED}) is started once more; if
     * that fails too it stays in {@link UpgradeSummary#failed()} with both reasons.
     */
    public synchronized UpgradeSummary upgrade(UpgradeRequest request) {
        List<UpgradeOutcome> skipped = new ArrayList<>();
        UpgradeRequest effective = request;
        if (request.binaryPath() != null && !request.force()) {
            String target = client.binaryVersion(request.binaryPath());
            Map<ServiceName, String> versions = survey().stream()
                    .filter(n -> n.version() != null).collect(Collectors.toMap(AntctlNode::service, AntctlNode::version));
            List<ServiceName> todo = new ArrayList<>();
            for (ServiceName s : request.services()) {
                String v = versions.get(s);
                if (Versions.isVersion(v) && Versions.isVersion(target) && Versions.compare(v, target) >= 0) {
                    skipped.add(new UpgradeOutcome(s, UpgradeOutcome.Kind.NOT_REQUIRED, v, v,
                            "at " + v + ", the binary at " + request.binaryPath() + " is " + target));
                } else {
                    todo.add(s);
                }
            }
            if (todo.isEmpty()) {
                return new UpgradeSummary(skipped, false);
            }
            effective = new UpgradeRequest(todo, request.binaryPath(), null, false, request.doNotStart(),
                    request.interval(), request.connectionTimeout(), request.env());
        }
        UpgradeRequest call = effective;
        UpgradeSummary summary = wedged.recovering(() -> client.upgrade(call));
        List<UpgradeOutcome> outcomes = new ArrayList<>(skipped);
        for (UpgradeOutcome o : summary.outcomes()) {
            outcomes.add(o.kind() == UpgradeOutcome.Kind.NOT_STARTED && !request.doNotStart() ? startAgain(o) : o);
        }
        return new UpgradeSummary(outcomes, summary.allAtLatest() && skipped.isEmpty());
    }

    /** antctl's own suggestion for an upgraded node that did not start (cmd/node.rs:590-594): start it again. */
    private UpgradeOutcome startAgain(UpgradeOutcome notStarted) {
        try {
            start(new StartRequest(List.of(notStarted.service()), settings.startInterval(), settings.connectionTimeout()));
            return new UpgradeOutcome(notStarted.service(), UpgradeOutcome.Kind.UPGRADED, notStarted.fromVersion(),
                    notStarted.toVersion(), "did not start after the upgrade; started again");
        } catch (AntctlException e) {
            return new UpgradeOutcome(notStarted.service(), UpgradeOutcome.Kind.NOT_STARTED, notStarted.fromVersion(),
                    notStarted.toVersion(), notStarted.message() + "; starting it again failed: " + e.getMessage());
        }
    }

    @Override
    public Optional<NodeUpgrader> upgrader() {
        return Optional.of(r -> upgrade(new UpgradeRequest(r.services(), r.binaryPath(), r.version(), false, false,
                null, null, List.of())));
    }

    /** {@code antctl reset --force}: stops and removes every node and deletes the registry. */
    @Override
    public synchronized void reset() {
        wedged.recovering(() -> {
            client.resetForce();
            return null;
        });
    }

    /** RUNNING when the node's metrics endpoint answers validly, STOPPED when not, UNKNOWN without a port. */
    public NodeStatus status(AntctlNode node) {
        return status(node.metricsPort());
    }

    /** As {@link #status(AntctlNode)}, for a recorded node's metrics port (null: UNKNOWN). */
    public NodeStatus status(Integer metricsPort) {
        if (metricsPort == null) {
            return NodeStatus.UNKNOWN;
        }
        return probe.probe(metricsPort).alive() ? NodeStatus.RUNNING : NodeStatus.STOPPED;
    }

    public LivenessProbe.ProbeResult probe(int metricsPort) {
        return probe.probe(metricsPort);
    }

    private static List<AntctlNode> newNodes(Set<ServiceName> before, List<AntctlNode> after) {
        return after.stream().filter(n -> !before.contains(n.service()))
                .sorted(Comparator.comparing(AntctlNode::service)).toList();
    }

    static Set<ServiceName> names(List<AntctlNode> nodes) {
        return nodes.stream().map(AntctlNode::service).collect(Collectors.toSet());
    }

    static List<String> sorted(Set<ServiceName> names) {
        return names.stream().sorted().map(ServiceName::value).toList();
    }
}
