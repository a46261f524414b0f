package io.antfleet.config.spec;

import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.spec.AntnodeSource;
import io.antfleet.fleet.spec.Autoscale;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.PortPlan;
import io.antfleet.fleet.spec.SpecContainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns the YAML tree into a {@link FleetSpec}, recording every problem on the way. */
final class FleetSpecReader {
    static final List<String> KEYS = Stream.concat(
            Stream.of("apiVersion", "fleet", "ports", "hosts", "containers", "autoscale", "notify"), NodeSettings.KEYS.stream())
            .collect(Collectors.toUnmodifiableList());
    /** Defaults for what a spec may leave out: antctl's own (UPnP on, latest antnode), antctl as root. */
    private static final NodeSettings DEFAULTS = new NodeSettings(Optional.empty(), Optional.of("antctl"), Optional.of(ProcessManager.ANTCTL_SUDO),
            Optional.empty(), Optional.of(new EvmNetwork.Named(EvmNetwork.Known.ARBITRUM_ONE)), Optional.of(false),
            Optional.of(new AntnodeSource.Latest()));

    private final NodeReader r;
    private final Problems problems;
    private final SpecDefaults defaults;
    private final Path baseDir;
    private final EngineCheck engines;

    /** {@code baseDir} is where relative paths in the spec (TLS files) are taken from. */
    FleetSpecReader(Problems problems, SpecDefaults defaults, Path baseDir, EngineCheck engines) {
        this.problems = problems;
        this.defaults = defaults;
        this.r = new NodeReader(problems);
        this.baseDir = baseDir;
        this.engines = engines;
    }

    /** The spec, or empty when any problem was recorded. */
    Optional<FleetSpec> read(YamlNode root) {
        Optional<YamlNode.Mapping> top = r.mapping(root, "", KEYS);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping m = top.get();
        r.required(m, "apiVersion", "").flatMap(n -> r.text(n, "apiVersion")).ifPresent(v -> {
            if (!FleetSpec.API_VERSION.equals(v)) {
                r.problem(m.fields().get("apiVersion").value(), "apiVersion",
                        "unsupported apiVersion '" + v + "' (expected " + FleetSpec.API_VERSION + ")");
            }
        });
        Optional<String> fleet = r.required(m, "fleet", "").flatMap(n -> r.converted(n, "fleet", FleetSpecReader::name));
        r.required(m, "image", "");
        r.required(m, "rewardsAddress", "");
        NodeSettings settings = NodeSettings.read(r, m, "").orElse(DEFAULTS);
        Optional<PortPlan> ports = r.field(m, "ports").map(n -> new PortPlanReader(r).read(n, "ports", defaults.ports()))
                .orElse(Optional.of(defaults.ports()));
        HostReader.Hosts hosts = r.field(m, "hosts")
                .map(n -> new HostReader(r, baseDir, ports.orElse(defaults.ports()), engines).read(n, "hosts"))
                .orElse(new HostReader.Hosts(List.of(), List.of(), true));
        Optional<Autoscale> autoscale = r.field(m, "autoscale").map(n -> new AutoscaleReader(r, defaults.autoscale()).read(n, "autoscale"))
                .orElse(Optional.of(defaults.autoscale()));
        // validated here so that apply reports its problems with the rest; run reads it with SpecLoader.notifySettings
        r.field(m, "notify").ifPresent(n -> new NotifyReader(r).read(n, "notify"));
        Optional<YamlNode> containersNode = r.required(m, "containers", "");
        List<SpecContainer> containers = containersNode
                .map(n -> new ContainerReader(r, settings, ports, hosts.names()).read(n, "containers"))
                .orElse(List.of());
        if (ports.isPresent() && containersNode.isPresent()) {
            YamlNode.Field portsField = m.fields().get("ports");
            checkBlocksFit(ports.get(), containers.size(), portsField == null ? m : portsField.value());
        }
        if (!problems.isEmpty() || fleet.isEmpty() || ports.isEmpty() || autoscale.isEmpty() || !hosts.valid()) {
            return Optional.empty();
        }
        return Optional.of(new FleetSpec(fleet.get(), ports.get(), containers, autoscale.get(), hosts.hosts()));
    }

    static String name(String text) {
        if (!FleetSpec.isValidName(text)) {
            throw new IllegalArgumentException("invalid name '" + text
                    + "' (1-63 characters: letters, digits, '_', '.', '-', starting with a letter or digit)");
        }
        return text;
    }

    /** The blocks of every container must lie below 65536 and the node, metrics and rpc spans must not overlap. */
    private void checkBlocksFit(PortPlan plan, int containers, YamlNode at) {
        int count = Math.max(1, containers);
        if (!plan.fits(count - 1)) {
            r.problem(at, "ports", count + " blocks of " + plan.blockSize() + " ports do not fit below port 65536");
            return;
        }
        long span = (long) count * plan.blockSize();
        String[] kinds = {"node", "metrics", "rpc"};
        int[] bases = {plan.node(), plan.metrics(), plan.rpc()};
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (bases[i] < bases[j] + span && bases[j] < bases[i] + span) {
                    r.problem(at, "ports", kinds[i] + " ports " + bases[i] + "-" + (bases[i] + span - 1) + " overlap "
                            + kinds[j] + " ports " + bases[j] + "-" + (bases[j] + span - 1) + " (" + count
                            + " blocks of " + plan.blockSize() + ")");
                }
            }
        }
    }
}
