package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.EngineUnreachableException;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Container;
import io.antfleet.store.ContainerRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every container antfleet knows on the hosts of a scope: those each engine has with the {@code antfleet.fleet}
 * label, and those the database records without one (imported by name). A recorded container its engine no longer
 * has is listed with {@link #GONE} as its image and {@code running} false. An engine that does not answer is
 * reported as a {@link HostProblem}, its recorded containers left out. Sorted by name (then host), as operators read them.
 */
public final class KnownContainers {
    /** The image of a recorded container that Docker no longer has. */
    public static final String GONE = "";

    private final FleetEngines engines;
    private final ContainerRepository containers;

    public KnownContainers(FleetEngines engines, ContainerRepository containers) {
        this.engines = requireNonNull(engines, "engines is null");
        this.containers = requireNonNull(containers, "containers is null");
    }

    public FleetEngines.Listing list(List<String> scope) {
        FleetEngines.Listing labelled = engines.list(scope, Collections.singletonMap(FleetLabels.FLEET, null));
        List<ContainerInfo> known = new ArrayList<>(labelled.containers());
        List<HostProblem> down = new ArrayList<>(labelled.unreachable());
        Set<String> seen = new HashSet<>();
        known.forEach(i -> {
            seen.add(i.host() + "|" + i.id());
            seen.add(i.host() + "|" + i.name());
        });
        for (Container row : containers.findAll()) {
            boolean skipped = !scope.contains(row.host()) || down.stream().anyMatch(p -> p.host().equals(row.host()));
            if (skipped || (row.dockerId() != null && seen.contains(row.host() + "|" + row.dockerId()))
                    || seen.contains(row.host() + "|" + row.name())) {
                continue;
            }
            try {
                known.add(inspect(engines.forHost(row.host()), row).orElseGet(() -> new ContainerInfo(
                        row.dockerId() == null ? "" : row.dockerId(), row.name(), GONE, false, "", Map.of(), null, row.host())));
            } catch (EngineUnreachableException e) {
                down.add(engines.problem(row.host(), e));
            }
        }
        known.sort(Comparator.comparing(ContainerInfo::name).thenComparing(ContainerInfo::host));
        return new FleetEngines.Listing(known, down);
    }

    private static Optional<ContainerInfo> inspect(DockerGateway docker, Container row) {
        return docker.inspect(row.dockerId() != null ? row.dockerId() : row.name())
                .or(() -> row.dockerId() != null ? docker.inspect(row.name()) : Optional.empty());
    }
}
