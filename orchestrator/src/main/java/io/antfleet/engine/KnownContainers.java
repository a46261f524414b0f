package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Container;
import io.antfleet.store.ContainerRepository;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every container antfleet knows: those Docker has with the {@code antfleet.fleet} label, and those the
 * database records without one (imported by name). A recorded container Docker no longer has is listed
 * with {@link #GONE} as its image and {@code running} false. Sorted by name, as operators read them.
 */
public final class KnownContainers {
    /** The image of a recorded container that Docker no longer has. */
    public static final String GONE = "";

    private final DockerGateway docker;
    private final ContainerRepository containers;

    @Inject
    public KnownContainers(DockerGateway docker, ContainerRepository containers) {
        this.docker = requireNonNull(docker, "docker is null");
        this.containers = requireNonNull(containers, "containers is null");
    }

    public List<ContainerInfo> list() {
        List<ContainerInfo> known = new ArrayList<>(docker.listByLabels(Collections.singletonMap(FleetLabels.FLEET, null)));
        Set<String> seen = new HashSet<>();
        known.forEach(i -> {
            seen.add(i.id());
            seen.add(i.name());
        });
        for (Container row : containers.findAll()) {
            if ((row.dockerId() != null && seen.contains(row.dockerId())) || seen.contains(row.name())) {
                continue;
            }
            Optional<ContainerInfo> info = docker.inspect(row.dockerId() != null ? row.dockerId() : row.name())
                    .or(() -> row.dockerId() != null ? docker.inspect(row.name()) : Optional.empty());
            known.add(info.orElseGet(() -> new ContainerInfo(row.dockerId() == null ? "" : row.dockerId(), row.name(), GONE,
                    false, "", Map.of())));
        }
        known.sort(Comparator.comparing(ContainerInfo::name));
        return known;
    }
}
