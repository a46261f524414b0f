package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Host;
import io.antfleet.fleet.spec.HostSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link DockerGateways} over the recorded hosts: the local engine is the injected gateway (today's one engine);
 * another host's gateway is opened from its host row on first use (its endpoint, with TLS verification of the
 * engine against the row's CA and the row's client certificate) and closed with this registry. Thread safe.
 */
public final class HostGateways implements DockerGateways, AutoCloseable {
    private final DockerGateway local;
    private final String localEndpoint;
    private final HostDirectory directory;
    private final Function<Host, DockerGateway> opener;
    private final Map<String, DockerGateway> open = new ConcurrentHashMap<>();
    private final Map<String, Host> declared = new ConcurrentHashMap<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Remote engines through docker-java with {@code settings}' bounds and each host's endpoint and TLS files. */
    public HostGateways(DockerGateway local, DockerSettings settings, HostDirectory directory) {
        this(local, settings.host(), directory, host -> new DockerJavaGateway(settings.forEngine(
                host.endpoint().orElseThrow().toString(), host.tls())));
    }

    /** With an opener of its own (tests: fake engines per host). */
    public HostGateways(DockerGateway local, String localEndpoint, HostDirectory directory, Function<Host, DockerGateway> opener) {
        this.local = requireNonNull(local, "local is null");
        this.localEndpoint = requireNonNull(localEndpoint, "localEndpoint is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.opener = requireNonNull(opener, "opener is null");
    }

    @Override
    public DockerGateway forHost(String host) {
        requireNonNull(host, "host is null");
        if (HostSpec.LOCAL.equals(host)) {
            return local;
        }
        DockerGateway known = open.get(host);
        return known != null ? known : openGateway(host);
    }

    private synchronized DockerGateway openGateway(String name) {
        DockerGateway known = open.get(name);
        if (known != null) {
            return known;
        }
        Host host = remote(name);
        DockerGateway engine = opener.apply(host);
        if (engine instanceof AutoCloseable) {
            opened.add((AutoCloseable) engine);
        }
        DockerGateway gateway = new HostGateway(name, host.endpoint().orElseThrow().toString(), engine);
        open.put(name, gateway);
        return gateway;
    }

    @Override
    public void declare(Host host) {
        requireNonNull(host, "host is null");
        if (host.endpoint().isEmpty()) {
            throw new IllegalArgumentException("host " + host.name() + " has no endpoint to declare");
        }
        declared.put(host.name(), host);
    }

    @Override
    public String endpoint(String host) {
        return HostSpec.LOCAL.equals(host) ? localEndpoint : remote(host).endpoint().orElseThrow().toString();
    }

    /** A recorded host with an endpoint of its own (the local row has none). */
    private Host remote(String name) {
        Host known = declared.get(name);
        if (known != null) {
            return known;
        }
        List<Host> hosts = directory.hosts();
        Optional<Host> found = hosts.stream().filter(h -> h.name().equals(name) && h.endpoint().isPresent()).findFirst();
        return found.orElseThrow(() -> new UnknownEngineException("no Docker engine is recorded for host '" + name
                + "'; known hosts: " + hosts.stream().map(Host::name).filter(n -> !HostSpec.LOCAL.equals(n))
                        .collect(Collectors.collectingAndThen(Collectors.joining(", "), s -> HostSpec.LOCAL + (s.isEmpty() ? "" : ", " + s)))
                + " (apply a spec that names it under hosts:)"));
    }

    /** Closes the engines this registry opened (the local one belongs to its own owner). */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (AutoCloseable engine : opened) {
            try {
                engine.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new DockerOperationException("cannot close a Docker client: " + e.getMessage(), e);
                }
            }
        }
        opened.clear();
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
