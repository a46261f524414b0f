package io.antfleet.nodemanager;

import io.antfleet.fleet.ServiceName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The node-manager port: the tool that owns the nodes of one container (antctl 0.14 today,
 * {@link io.antfleet.antctl.AntctlManager}; {@code ant node} next, ant-v2-contract.md, which has no upgrade:
 * hence {@link #upgrader()}). Apply, run, import, status, teardown and the {@code node} commands see only this
 * port, handed out per container by {@link NodeManagers}; a registry entry ({@link RegisteredNode}) becomes a
 * node row by one rule, {@link RegistryRows}; every change goes through the engine's one lifecycle path. Calls into one manager are serialised by the implementation, since the tool rewrites its
 * registry whole after every change; different containers' managers run in parallel. Every call is bounded
 * by a timeout and validates its arguments before any process sees them; a failure is an
 * {@link io.antfleet.fleet.AntfleetException} naming the container, the command and what the tool said.
 */
public interface NodeManager {
    /** How errors name the container (its Docker name, or "host"). */
    String target();

    /** The tool's own version, as it prints it (e.g. {@code v0.14.2}). */
    String toolVersion();

    /**
     * Every registry entry, removed ones included (numbers are never reused until a reset), in number
     * order; empty for an empty registry.
     */
    List<? extends RegisteredNode> survey();

    /**
     * Adds {@code request.count()} nodes on the request's ports (not started). {@code added} hears the new
     * entries the moment the registry shows them, before this returns or raises, so that a caller records
     * them even when the tool failed after adding some.
     */
    List<? extends RegisteredNode> add(AddNodesRequest request, Consumer<List<? extends RegisteredNode>> added);

    void start(List<ServiceName> services);

    /**
     * Adds (each request in turn, {@code added} hearing every batch as {@link #add} does), then starts all the
     * new nodes, in a container the caller has just created, whose registry should therefore be empty; returns
     * every registry entry as it is afterwards. The effect is that of add, start and {@link #survey}, which is
     * what this default does; an implementation may take the entries from its tool's own output where that
     * output proves the registry was empty (the first new number is 1: numbers are never reused), and skip the
     * reads a fresh container does not need.
     */
    default List<? extends RegisteredNode> populate(List<AddNodesRequest> requests,
            Consumer<List<? extends RegisteredNode>> added) {
        List<ServiceName> all = new ArrayList<>();
        for (AddNodesRequest request : requests) {
            add(request, added).forEach(n -> all.add(n.service()));
        }
        start(all);
        return survey();
    }

    void stop(List<ServiceName> services);

    /** Stop, then start (a tool without a restart of its own does just that). */
    void restart(List<ServiceName> services);

    /** Stops, then removes the nodes for good; whether the entries stay (as removed) is the tool's rule. */
    void remove(List<ServiceName> services, boolean keepDirectories);

    /** In-place upgrades, where the tool has them ({@code ant node} has none: empty). */
    Optional<NodeUpgrader> upgrader();

    /** Stops and removes every node and empties the registry; numbering starts again at 1. */
    void reset();

    /** The upgrade capability of a node manager. */
    @FunctionalInterface
    interface NodeUpgrader {
        /** Per-node outcomes; a node that failed is an outcome, not an exception. */
        UpgradeSummary upgrade(UpgradeNodesRequest request);
    }
}
