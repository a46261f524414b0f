package io.antfleet.config.spec;

import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.fleet.spec.DockerNetwork;
import io.antfleet.fleet.spec.Limits;
import io.antfleet.fleet.spec.NodeCount;
import io.antfleet.fleet.spec.PortPlan;
import io.antfleet.fleet.spec.SpecContainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the {@code containers} list: names, node counts, limits and per-container overrides. */
final class ContainerReader {
    private static final List<String> KEYS = Stream.concat(Stream.of("name", "host", "nodes", "limits", "dockerNetwork"),
            NodeSettings.KEYS.stream())
            .collect(Collectors.toUnmodifiableList());
    private static final List<String> LIMIT_KEYS = List.of("cpus", "memory");
    private static final List<String> NETWORK_KEYS = List.of("name", "ipv4", "ipv6");
    private static final int MAX_NODES = 10_000;

    private final NodeReader r;
    private final NodeSettings fleet;
    private final Optional<PortPlan> ports;
    private final List<String> hosts;

    /** {@code hosts}: the names a container's {@code host:} may take besides {@link HostSpec#LOCAL}. */
    ContainerReader(NodeReader r, NodeSettings fleet, Optional<PortPlan> ports, List<String> hosts) {
        this.r = r;
        this.fleet = fleet;
        this.ports = ports;
        this.hosts = List.copyOf(hosts);
    }

    /** The containers that are complete and valid; problems are recorded for the rest. */
    List<SpecContainer> read(YamlNode node, String path) {
        Optional<List<YamlNode>> items = r.sequence(node, path);
        if (items.isEmpty()) {
            return List.of();
        }
        List<SpecContainer> result = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < items.get().size(); i++) {
            YamlNode item = items.get().get(i);
            String itemPath = path + "[" + i + "]";
            container(item, itemPath, firstLine).ifPresent(result::add);
        }
        return result;
    }

    private Optional<SpecContainer> container(YamlNode node, String path, Map<String, Integer> firstLine) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = r.required(m.get(), "name", path)
                .flatMap(n -> r.converted(n, path + ".name", FleetSpecReader::name))
                .filter(n -> unique(n, m.get(), path, firstLine));
        Optional<String> host = r.field(m.get(), "host").map(n -> r.text(n, path + ".host").filter(h -> knownHost(h, n, path)))
                .orElse(Optional.of(HostSpec.LOCAL));
        Optional<NodeCount> nodes = r.required(m.get(), "nodes", path).flatMap(n -> nodes(n, path + ".nodes"));
        Optional<Limits> limits = r.field(m.get(), "limits").map(n -> limits(n, path + ".limits")).orElse(Optional.of(Limits.NONE));
        NodeSettings s = NodeSettings.read(r, m.get(), path).orElse(fleet);
        Optional<Optional<DockerNetwork>> network = r.field(m.get(), "dockerNetwork")
                .map(n -> dockerNetwork(n, path + ".dockerNetwork", s)).orElse(Optional.of(Optional.empty()));
        if (name.isEmpty() || host.isEmpty() || nodes.isEmpty() || limits.isEmpty() || s.image().isEmpty() || s.mode().isEmpty()
                || s.rewardsAddress().isEmpty() || s.network().isEmpty() || s.noUpnp().isEmpty() || s.antnode().isEmpty()
                || network.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SpecContainer(name.get(), nodes.get(), limits.get(), s.image().get(), s.mode().get(),
                s.rewardsAddress().get(), s.network().get(), s.noUpnp().get(), s.antnode().get(), network.get(), host.get()));
    }

    private boolean knownHost(String host, YamlNode at, String path) {
        if (HostSpec.LOCAL.equals(host) || hosts.contains(host)) {
            return true;
        }
        List<String> all = Stream.concat(Stream.of(HostSpec.LOCAL), hosts.stream()).collect(Collectors.toList());
        r.problem(at, path + ".host", "unknown host '" + host + "'" + DidYouMean.suggest(host, all)
                .map(s -> " (did you mean '" + s + "'?)").orElse(" (hosts: " + String.join(", ", all) + ")"));
        return false;
    }

    private boolean unique(String name, YamlNode.Mapping m, String path, Map<String, Integer> firstLine) {
        YamlNode at = m.fields().get("name").value();
        Integer earlier = firstLine.putIfAbsent(name, at.location().line());
        if (earlier != null) {
            r.problem(at, path + ".name", "duplicate container name '" + name + "' (first at line " + earlier + ")");
            return false;
        }
        return true;
    }

    private Optional<NodeCount> nodes(YamlNode node, String path) {
        Optional<NodeCount> count;
        if (node instanceof YamlNode.Mapping) {
            count = range(node, path);
        } else if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).kind() == YamlNode.ScalarKind.INTEGER) {
            count = r.integer(node, path, 0, MAX_NODES).map(NodeCount.Fixed::new);
        } else {
            r.problem(node, path, "expected a node count (e.g. 4) or {min, max}, got " + node.describe());
            return Optional.empty();
        }
        if (count.isPresent() && ports.isPresent() && count.get().upperBound() > ports.get().blockSize()) {
            r.problem(node, path, count.get().upperBound() + " nodes do not fit in a port block of "
                    + ports.get().blockSize() + " (ports.blockSize)");
            return Optional.empty();
        }
        return count;
    }

    private Optional<NodeCount> range(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, List.of("min", "max"));
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> min = r.required(m.get(), "min", path).flatMap(n -> r.integer(n, path + ".min", 0, MAX_NODES));
        Optional<Integer> max = r.required(m.get(), "max", path).flatMap(n -> r.integer(n, path + ".max", 0, MAX_NODES));
        if (min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        if (min.get() > max.get()) {
            r.problem(node, path, "min (" + min.get() + ") must not exceed max (" + max.get() + ")");
            return Optional.empty();
        }
        return Optional.of(new NodeCount.Range(min.get(), max.get()));
    }

    /**
     * {@code dockerNetwork: {name, ipv4 | ipv6}}: only for {@code ant} containers, since antctl's nodes serve their
     * metrics on the container's 127.0.0.1, which antfleet reaches only with host networking.
     */
    private Optional<Optional<DockerNetwork>> dockerNetwork(YamlNode node, String path, NodeSettings s) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, NETWORK_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        if (s.mode().isPresent() && s.mode().get().isAntctl()) {
            r.problem(node, path, "dockerNetwork needs nodeManager ant: antctl nodes serve their metrics on the container's"
                    + " 127.0.0.1, which antfleet reads only with host networking (this container is "
                    + s.mode().get().label() + ")");
            return Optional.empty();
        }
        Optional<String> name = r.required(m.get(), "name", path).flatMap(n -> r.text(n, path + ".name"));
        Optional<String> ipv4 = r.field(m.get(), "ipv4").flatMap(n -> r.text(n, path + ".ipv4"));
        Optional<String> ipv6 = r.field(m.get(), "ipv6").flatMap(n -> r.text(n, path + ".ipv6"));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Optional.of(new DockerNetwork(name.get(), ipv4.orElse(null), ipv6.orElse(null))));
        } catch (IllegalArgumentException e) {
            r.problem(node, path, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Limits> limits(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, LIMIT_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<Optional<Double>> cpus = r.field(m.get(), "cpus").map(n -> r.positive(n, path + ".cpus").map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<Optional<Long>> memory = r.field(m.get(), "memory")
                .map(n -> r.converted(n, path + ".memory", ContainerReader::memory).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        if (cpus.isEmpty() || memory.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble c = cpus.get().map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return Optional.of(new Limits(c, memory.get()));
    }

    private static long memory(String text) {
        long bytes = Limits.parseMemory(text);
        if (bytes < 4L * 1024 * 1024) {
            throw new IllegalArgumentException("memory '" + text + "' is below Docker's minimum of 4m");
        }
        return bytes;
    }
}
