package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerGateways;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.SpecContainer;
import io.antfleet.store.ContainerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the run loop a store row for every spec container that Docker has but the store does not (a
 * fresh database next to a running fleet, where apply found nothing to change): imports it (container and
 * node rows from antctl's registry) and records its port block from the {@code antfleet.port-block} label,
 * so that the loop can see and grow it. Each container is looked for on its host's engine; a host whose engine does
 * not answer is passed over (the loop's Docker check reports it).
 */
public final class FleetAdoption {
    private final DockerGateways docker;
    private final ImportService imports;
    private final ContainerRepository containers;

    /** Over the local engine alone. */
    public FleetAdoption(DockerGateway docker, ImportService imports, ContainerRepository containers) {
        this(DockerGateways.only(requireNonNull(docker, "docker is null")), imports, containers);
    }

    @Inject
    public FleetAdoption(DockerGateways docker, ImportService imports, ContainerRepository containers) {
        this.docker = requireNonNull(docker, "docker is null");
        this.imports = requireNonNull(imports, "imports is null");
        this.containers = requireNonNull(containers, "containers is null");
    }

    /** Returns what it adopted, one line per container (empty when every container had its row). */
    public List<String> adopt(FleetSpec spec) {
        List<String> adopted = new ArrayList<>();
        for (SpecContainer c : spec.containers()) {
            String name = spec.dockerName(c.name());
            if (containers.findByName(c.host(), name).isPresent()) {
                continue;
            }
            List<ContainerInfo> found;
            try {
                found = docker.forHost(c.host()).listByLabels(Map.of(FleetLabels.FLEET, spec.fleet(), FleetLabels.CONTAINER, c.name()));
            } catch (DockerOperationException e) {
                continue;
            }
            if (found.isEmpty()) {
                continue;
            }
            ContainerInfo info = found.get(0);
            ImportReport report = imports.importContainers(List.of(info.id()), Optional.of(c.processManager()), Optional.of(c.host()));
            Optional<PortBlock> block = Optional.ofNullable(info.labels().get(FleetLabels.PORT_BLOCK)).flatMap(FleetLabels::decode);
            Optional<Container> row = containers.findByDockerId(c.host(), info.id());
            if (row.isPresent() && block.isPresent() && row.get().ports() == null) {
                Container r = row.get();
                containers.update(new Container(r.id(), r.dockerId(), r.name(), r.image(), r.status(), r.networkMode(),
                        r.processManager(), block.get(), r.createdAt(), r.updatedAt()));
            }
            adopted.add(name + (row.isPresent() ? " had no row in this database: imported from antctl, port block "
                    + block.map(Object::toString).orElse("unknown") : " could not be imported: " + report));
        }
        return adopted;
    }
}
