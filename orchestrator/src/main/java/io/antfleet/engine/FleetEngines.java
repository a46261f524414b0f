package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerGateways;
import io.antfleet.docker.EngineUnreachableException;
import io.antfleet.docker.HostDirectory;
import io.antfleet.fleet.Host;
import io.antfleet.fleet.spec.HostSpec;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hosts a command works on and their engines: every recorded host (the local engine first) unless
 * {@code --host} names one, and the containers each engine lists, with the engines that did not answer reported
 * per host instead of failing the command. Thread safe.
 */
public final class FleetEngines {
    /** Docker's rule for container names (daemon/names: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}). */
    private static final Pattern DOCKER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private final DockerGateways gateways;
    private final HostDirectory hosts;

    @Inject
    public FleetEngines(DockerGateways gateways, HostDirectory hosts) {
        this.gateways = requireNonNull(gateways, "gateways is null");
        this.hosts = requireNonNull(hosts, "hosts is null");
    }

    /** The local engine alone. */
    public static FleetEngines local(DockerGateway local) {
        return new FleetEngines(DockerGateways.only(local), HostDirectory.NONE);
    }

    /** The containers the engines listed, and the hosts whose engine did not answer. */
    public record Listing(List<ContainerInfo> containers, List<HostProblem> unreachable) {
        public Listing {
            containers = List.copyOf(containers);
            unreachable = List.copyOf(unreachable);
        }
    }

    public DockerGateway forHost(String host) {
        return gateways.forHost(host);
    }

    /**
     * The recorded hosts, local first; or the one {@code only} names.
     *
     * @throws UnknownHostNameException when {@code only} names no recorded host (with the closest name, if any)
     */
    public List<String> scope(Optional<String> only) {
        List<String> names = new ArrayList<>(List.of(HostSpec.LOCAL));
        hosts.hosts().stream().map(Host::name).filter(n -> !names.contains(n)).forEach(names::add);
        return HostScope.narrow(names, only, "recorded (apply records a spec's hosts:)");
    }

    /** What each host's engine lists with {@code labels} (see {@link DockerGateway#listByLabels}). */
    public Listing list(List<String> scope, Map<String, String> labels) {
        List<ContainerInfo> found = new ArrayList<>();
        List<HostProblem> down = new ArrayList<>();
        for (String host : scope) {
            try {
                found.addAll(gateways.forHost(host).listByLabels(labels));
            } catch (EngineUnreachableException e) {
                down.add(problem(host, e));
            }
        }
        return new Listing(found, down);
    }

    /**
     * What each of a list of names names on the hosts of a scope (none, one, or one per host that has it), and the
     * hosts whose engine did not answer.
     */
    public record Found(List<List<ContainerInfo>> containers, List<HostProblem> unreachable) {
        public Found {
            containers = containers.stream().map(List::copyOf).toList();
            unreachable = List.copyOf(unreachable);
        }
    }

    /**
     * The containers each of {@code names} names, by name or id, on every host of {@code scope} that has one (in
     * scope order, the local one first): two entries where two engines have that name. Each engine is asked once for
     * all the plain names ({@link DockerGateway#listByNames}); what could be an id (hex digits) or is no Docker name
     * is inspected one by one, so that Docker resolves it as {@code docker inspect} does.
     */
    public Found find(List<String> scope, List<String> names) {
        Map<String, List<ContainerInfo>> found = new HashMap<>();
        List<HostProblem> down = new ArrayList<>();
        List<String> distinct = names.stream().distinct().toList();
        for (String host : scope) {
            try {
                DockerGateway engine = gateways.forHost(host);
                Map<String, ContainerInfo> here = new HashMap<>();
                engine.listByNames(distinct.stream().filter(FleetEngines::listable).toList())
                        .forEach(i -> here.putIfAbsent(i.name(), i));
                for (String n : distinct) {
                    if (!listable(n)) {
                        engine.inspect(n).ifPresent(i -> here.put(n, i));
                    }
                }
                here.forEach((n, i) -> found.computeIfAbsent(n, k -> new ArrayList<>()).add(i));
            } catch (EngineUnreachableException e) {
                down.add(problem(host, e));
            }
        }
        return new Found(names.stream().map(n -> found.getOrDefault(n, List.of())).toList(), down);
    }

    /** A Docker container name that cannot be an id (which Docker would resolve first): its name filter finds it. */
    private static boolean listable(String name) {
        return DOCKER_NAME.matcher(name).matches() && !HEX.matcher(name).matches();
    }

    /** The report of an engine that did not answer: another host's gateway names it and its endpoint, the local one not. */
    public HostProblem problem(String host, EngineUnreachableException e) {
        return problem(host, gateways.endpoint(host), e);
    }

    /** As {@link #problem(String, EngineUnreachableException)}, with the engine's {@code endpoint} given. */
    public static HostProblem problem(String host, String endpoint, EngineUnreachableException e) {
        String message = e.getMessage();
        return new HostProblem(host, message.startsWith("host " + host + " (") ? message
                : "host " + host + " (Docker at " + endpoint + "): " + message);
    }

    /** The hosts of {@code scope} as text, for messages. */
    public static String names(List<HostProblem> problems) {
        return problems.stream().map(HostProblem::host).collect(Collectors.joining(", "));
    }
}
