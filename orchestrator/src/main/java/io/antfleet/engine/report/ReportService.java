package io.antfleet.engine.report;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.MachineSettings;
import io.antfleet.store.NodeRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code antfleet report}: reads the store (no antctl, no Docker: a report never waits on a container),
 * and for {@code machine-metrics} the host, then hands the records to the pure formatters.
 */
public final class ReportService {
    private final ContainerRepository containers;
    private final NodeRepository nodes;
    private final MachineSettings settings;
    private final HostProbe host;
    private final Clock clock;

    @Inject
    public ReportService(ContainerRepository containers, NodeRepository nodes, MachineSettings settings, HostProbe host,
            Clock clock) {
        this.containers = requireNonNull(containers, "containers is null");
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.host = requireNonNull(host, "host is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * @param container only this container's nodes (its Docker name, or the spec name after the fleet prefix)
     * @param services only these services (all when empty)
     */
    public String report(ReportKind kind, ReportFormat format, Optional<String> container, List<String> services) {
        switch (kind) {
            case MACHINE_CONFIG:
                return MachineReports.config(settings.all(), format);
            case MACHINE_METRICS:
                return MachineReports.metrics(host.sample(), rows(Optional.empty(), List.of()).stream()
                        .map(ReportRow::node).collect(Collectors.toList()), format);
            case INFLUX_RESOURCES:
                if (format != ReportFormat.TEXT) {
                    throw new IllegalArgumentException("influx-resources is InfluxDB line protocol; --format does not apply");
                }
                return NodeReports.influx(rows(container, services), clock.instant());
            case NODE_STATUS:
                return NodeReports.nodeStatus(rows(container, services), format);
            default:
                return NodeReports.nodeStatusDetails(rows(container, services), format, clock.instant());
        }
    }

    private List<ReportRow> rows(Optional<String> wanted, List<String> services) {
        List<Container> chosen = containers.findAll().stream()
                .filter(c -> wanted.map(w -> c.name().equals(w) || c.name().endsWith("-" + w)
                        || (c.dockerId() != null && c.dockerId().startsWith(w))).orElse(true))
                .sorted(Comparator.comparing(Container::name).thenComparing(c -> !HostSpec.LOCAL.equals(c.host()))
                        .thenComparing(Container::host)).collect(Collectors.toList());
        if (wanted.isPresent() && chosen.isEmpty()) {
            throw new AntfleetException("no recorded container named '" + wanted.get() + "'");
        }
        List<ReportRow> rows = new ArrayList<>();
        for (Container c : chosen) {
            nodes.findByContainer(c.id()).stream()
                    .filter(n -> services.isEmpty() || services.contains(n.service().value()))
                    .sorted(Comparator.comparingInt(Node::number))
                    .forEach(n -> rows.add(new ReportRow(shown(c), n)));
        }
        return rows;
    }

    /** {@code HOST/NAME} for another host's container, as status names it: two hosts may each have one of that name. */
    private static String shown(Container c) {
        return HostSpec.LOCAL.equals(c.host()) ? c.name() : c.host() + "/" + c.name();
    }
}
