package io.antfleet.engine.teardown;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.engine.ContainerSelection;
import io.antfleet.engine.FleetEngines;
import io.antfleet.engine.HostProblem;
import io.antfleet.engine.LeaseKeeper;
import io.antfleet.engine.NodeLifecycle;
import io.antfleet.engine.apply.DockerFleetObserver;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code antfleet teardown}: {@code antctl reset --force} in each antfleet container (every node stopped
 * and removed, the registry deleted, numbering back to antnode1), the node rows deleted to match, and with
 * {@code removeContainers} the containers and their rows too, on every host (or the one named), each through its
 * host's engine. Journaled, under the database lease; a failing container is reported and the others still go, and
 * so is a host whose engine does not answer.
 */
public final class TeardownService {
    private final FleetEngines engines;
    private final NodeManagers managers;
    private final ContainerRepository containers;
    private final NodeRepository nodes;
    private final NodeLifecycle lifecycle;
    private final DatabaseLease lease;

    @Inject
    public TeardownService(FleetEngines engines, NodeManagers managers, ContainerRepository containers,
            NodeRepository nodes, NodeLifecycle lifecycle, DatabaseLease lease) {
        this.engines = requireNonNull(engines, "engines is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.lease = requireNonNull(lease, "lease is null");
    }

    /** One line per container: what was done, or why it failed; {@code host} the engine it runs on. */
    public record Outcome(String container, int nodesRemoved, boolean containerRemoved, Optional<String> error, String host) {
    }

    /** The containers' outcomes, and the hosts whose engine did not answer (nothing was done there). */
    public record Report(List<Outcome> outcomes, List<HostProblem> unreachable) {
        public Report {
            outcomes = List.copyOf(outcomes);
            unreachable = List.copyOf(unreachable);
        }
    }

    /**
     * @param fleet only containers labelled antfleet.fleet=fleet; empty for every fleet on the host
     * @param only a container's Docker name, antfleet.container label or an id of 12 characters or more; empty
     *     for all (of the fleet). Empty text, or one naming several containers, is refused before anything is done.
     */
    public List<Outcome> teardown(Optional<String> fleet, Optional<String> only, boolean removeContainers) {
        return teardown(fleet, only, removeContainers, Optional.empty()).outcomes();
    }

    /**
     * As {@link #teardown(Optional, Optional, boolean)}, on the one host {@code host} names when given.
     *
     * @throws io.antfleet.engine.UnknownHostNameException when {@code host} names no recorded host
     */
    public Report teardown(Optional<String> fleet, Optional<String> only, boolean removeContainers, Optional<String> host) {
        // Chosen before anything else: an empty or ambiguous --container touches nothing (ContainerSelection).
        FleetEngines.Listing listed = engines.list(engines.scope(host), Collections.singletonMap(FleetLabels.FLEET, fleet.orElse(null)));
        List<ContainerInfo> chosen = only.isEmpty() ? listed.containers()
                : List.of(ContainerSelection.one(listed.containers(), only.get(), fleet));
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "teardown")) {
            List<Outcome> outcomes = new ArrayList<>();
            for (ContainerInfo info : chosen) {
                outcomes.add(teardown(info, removeContainers));
            }
            return new Report(outcomes, listed.unreachable());
        }
    }

    private Outcome teardown(ContainerInfo info, boolean removeContainer) {
        Optional<Container> row = containers.find(info.host(), info.id(), info.name());
        try {
            int removed = lifecycle.change(removeContainer ? "teardown-container" : "teardown", row.map(Container::id).orElse(null),
                    List.of(), () -> {
                        if (info.running()) {
                            managers.forContainer(info.host(), info.id(), info.name(),
                                    DockerFleetObserver.processManager(info, row)).reset();
                        }
                        if (removeContainer) {
                            engines.forHost(info.host()).remove(info.id(), true);
                        }
                        return row.map(r -> nodes.findByContainer(r.id()).size()).orElse(0);
                    }, count -> List.of(), count -> row.ifPresent(r -> {
                        nodes.findByContainer(r.id()).forEach(n -> nodes.delete(n.id()));
                        if (removeContainer) {
                            containers.delete(r.id());
                        }
                    }));
            return new Outcome(info.name(), removed, removeContainer, Optional.empty(), info.host());
        } catch (AntfleetException e) {
            // the lifecycle has failed the journal entry
            return new Outcome(info.name(), 0, false, Optional.of(e.getMessage()), info.host());
        }
    }
}
