package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.config.settings.AutoscaleSettingsFactory;
import io.antfleet.config.settings.Settings;
import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.spec.AntnodeSource;
import io.antfleet.engine.HostScope;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.NodeCount;
import io.antfleet.fleet.spec.SpecContainer;
import java.util.List;
import java.util.Optional;

/**
 * What {@code antfleet run} drives: the spec's containers (by their Docker names, which are also their
 * store names) with their node bounds, and the engine settings from the spec's {@code autoscale} section.
 * The upgrade target is the spec's antnode version when every container pins the same one; a path or
 * mixed versions give no target (nothing is upgraded automatically).
 */
public record RunTarget(FleetSpec spec, AutoscaleSettings settings) {
    public RunTarget {
        requireNonNull(spec, "spec is null");
        requireNonNull(settings, "settings is null");
    }

    public static RunTarget of(FleetSpec spec, int cores) {
        return of(spec, AutoscaleSettingsFactory.fromSpec(spec.autoscale(), cores));
    }

    /** With the global settings the spec has no keys for (I/O levels, removal-strategy). */
    public static RunTarget of(FleetSpec spec, int cores, Settings settings) {
        return of(spec, AutoscaleSettingsFactory.fromSpec(spec.autoscale(), cores, settings));
    }

    private static RunTarget of(FleetSpec spec, AutoscaleSettings base) {
        return new RunTarget(spec, base.withTargetVersion(commonVersion(spec).orElse(null)));
    }

    static Optional<String> commonVersion(FleetSpec spec) {
        String version = null;
        for (SpecContainer c : spec.containers()) {
            if (!(c.antnode() instanceof AntnodeSource.Version)) {
                return Optional.empty();
            }
            String v = ((AntnodeSource.Version) c.antnode()).version();
            if (version != null && !version.equals(v)) {
                return Optional.empty();
            }
            version = v;
        }
        return Optional.ofNullable(version);
    }

    /**
     * The same run over only the containers on {@code host} ({@code run --host}).
     *
     * @throws io.antfleet.engine.UnknownHostNameException when the spec names no such host
     */
    public RunTarget narrowedTo(String host) {
        String only = HostScope.narrow(spec.hostNames(), Optional.of(host), "in the spec").get(0);
        List<SpecContainer> kept = spec.containers().stream().filter(c -> c.host().equals(only)).toList();
        return new RunTarget(new FleetSpec(spec.fleet(), spec.ports(), kept, spec.autoscale(), spec.hosts()), settings);
    }

    /** The spec container whose Docker name is {@code dockerName}. */
    public Optional<SpecContainer> byDockerName(String dockerName) {
        return spec.containers().stream().filter(c -> spec.dockerName(c.name()).equals(dockerName)).findFirst();
    }

    static int min(SpecContainer c) {
        return c.nodes() instanceof NodeCount.Range ? ((NodeCount.Range) c.nodes()).min() : c.nodes().upperBound();
    }

    static int max(SpecContainer c) {
        return c.nodes().upperBound();
    }
}
