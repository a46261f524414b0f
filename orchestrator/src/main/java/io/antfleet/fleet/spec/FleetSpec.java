package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated {@code apiVersion: antfleet/v1} fleet spec. The {@code fleet} name labels every
 * container antfleet creates ({@code antfleet.fleet}) and prefixes their Docker names. {@code hosts}
 * lists the engines besides the local one; every container's host is one of them or {@link HostSpec#LOCAL}.
 */
public record FleetSpec(String fleet, PortPlan ports, List<SpecContainer> containers, Autoscale autoscale,
        List<HostSpec> hosts) {
    public static final String API_VERSION = "antfleet/v1";
    /** Valid as a Docker container name (and so as a label value and a name prefix). */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");

    public FleetSpec {
        requireNonNull(fleet, "fleet is null");
        if (!isValidName(fleet)) {
            throw new IllegalArgumentException("invalid fleet name '" + fleet + "'");
        }
        requireNonNull(ports, "ports is null");
        containers = List.copyOf(containers);
        requireNonNull(autoscale, "autoscale is null");
        hosts = List.copyOf(hosts);
        Set<String> hostNames = new HashSet<>(Set.of(HostSpec.LOCAL));
        for (HostSpec h : hosts) {
            if (!hostNames.add(h.name())) {
                throw new IllegalArgumentException("host '" + h.name() + "' appears twice");
            }
        }
        Set<String> names = new HashSet<>();
        for (SpecContainer c : containers) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("container '" + c.name() + "' appears twice");
            }
            if (!hostNames.contains(c.host())) {
                throw new IllegalArgumentException("container '" + c.name() + "' names unknown host '" + c.host() + "'");
            }
        }
    }

    /** The spec's own hosts, without the implicit local one. */
    public Optional<HostSpec> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** Every host the spec covers: {@link HostSpec#LOCAL} first, then its own in order. */
    public List<String> hostNames() {
        List<String> names = new ArrayList<>(List.of(HostSpec.LOCAL));
        hosts.forEach(h -> names.add(h.name()));
        return names;
    }

    /**
     * The part of this spec on {@code host}: its containers only, and its port plan (the host's {@code ports:} when
     * given, else the fleet's), so that each host's port blocks are planned on their own.
     */
    public FleetSpec onHost(String host) {
        PortPlan plan = host(host).flatMap(HostSpec::ports).orElse(ports);
        List<SpecContainer> own = containers.stream().filter(c -> c.host().equals(host)).toList();
        return new FleetSpec(fleet, plan, own, autoscale, hosts);
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The Docker name of a spec container: {@code <fleet>-<name>}. */
    public String dockerName(String containerName) {
        return fleet + "-" + containerName;
    }

    public Optional<SpecContainer> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
