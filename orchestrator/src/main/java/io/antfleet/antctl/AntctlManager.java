package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drives antctl in one container (or on the host). Calls are serialised: antctl rewrites its registry
 * whole after every change, so two calls into one registry must never overlap. Different containers'
 * managers run in parallel. Liveness comes from the node's metrics endpoint, not from antctl.
 */
public final class AntctlManager {
    private final AntctlClient client;
    private final LivenessProbe probe;
    private final AntctlSettings settings;

    public AntctlManager(AntctlClient client, LivenessProbe probe, AntctlSettings settings) {
        this.client = requireNonNull(client, "client is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public String target() {
        return client.target();
    }

    public synchronized AntctlVersion version() {
        return client.version();
    }

    /** Every registry entry, Removed ones included, in number order; empty for an empty registry. */
    public synchronized List<AntctlNode> survey() {
        return client.status().stream().sorted(Comparator.comparing(AntctlNode::service)).toList();
    }

    public List<AntctlNode> create(AddRequest request) {
        return create(request, nodes -> { });
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

    private AntctlException afterFailedAdd(AntctlException failed, Set<ServiceName> before,
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
    public void start(List<ServiceName> services) {
        start(new StartRequest(services, settings.startInterval(), settings.connectionTimeout()));
    }

    public synchronized void start(StartRequest request) {
        client.start(request);
    }

    public synchronized void stop(List<ServiceName> services) {
        client.stop(new StopRequest(services, null));
    }

    /** antctl has no restart: stop, then start. */
    public synchronized void restart(List<ServiceName> services) {
        stop(services);
        start(services);
    }

    /** Stops, then removes; the entries stay in antctl's registry as Removed (numbers never reused). */
    public synchronized void remove(List<ServiceName> services, boolean keepDirectories) {
        stop(services);
        client.remove(new RemoveRequest(services, keepDirectories));
    }

    public synchronized UpgradeSummary upgrade(UpgradeRequest request) {
        return client.upgrade(request);
    }

    /** {@code antctl reset --force}: stops and removes every node and deletes the registry. */
    public synchronized void teardown() {
        client.resetForce();
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

    private static Set<ServiceName> names(List<AntctlNode> nodes) {
        return nodes.stream().map(AntctlNode::service).collect(Collectors.toSet());
    }

    private static List<String> sorted(Set<ServiceName> names) {
        return names.stream().sorted().map(ServiceName::value).toList();
    }
}
