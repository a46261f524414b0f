package io.antfleet.config.spec;

import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.fleet.spec.PortPlan;
import io.antfleet.fleet.spec.TlsPaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the optional {@code hosts} list: {@code {name, docker, tls: {caCert, cert, key}, ports, autoscale: {nodeCap}}}.
 * TLS files are checked to be readable regular files now, so that a typo shows at its line rather than as a
 * handshake failure later; relative paths are taken from the spec file's directory.
 */
final class HostReader {
    private static final List<String> KEYS = List.of("name", "docker", "tls", "ports", "autoscale");
    private static final List<String> TLS_KEYS = List.of("caCert", "cert", "key");
    private static final int MAX_NODE_CAP = 100_000;

    private final NodeReader r;
    private final Path baseDir;
    private final PortPlan fleetPorts;
    private final EngineCheck engines;

    HostReader(NodeReader r, Path baseDir, PortPlan fleetPorts, EngineCheck engines) {
        this.r = r;
        this.baseDir = baseDir;
        this.fleetPorts = fleetPorts;
        this.engines = engines;
    }

    /** Every host; {@code valid} is false when any of them had a problem (recorded). */
    Hosts read(YamlNode node, String path) {
        Optional<List<YamlNode>> items = r.sequence(node, path);
        if (items.isEmpty()) {
            return new Hosts(List.of(), List.of(), false);
        }
        List<HostSpec> hosts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        boolean valid = true;
        for (int i = 0; i < items.get().size(); i++) {
            Optional<HostSpec> host = host(items.get().get(i), path + "[" + i + "]", firstLine, names);
            host.ifPresent(hosts::add);
            valid &= host.isPresent();
        }
        return new Hosts(hosts, names, valid);
    }

    /** The hosts read, every name seen (for containers' {@code host:} even when its host had a problem). */
    record Hosts(List<HostSpec> hosts, List<String> names, boolean valid) {
    }

    private Optional<HostSpec> host(YamlNode node, String path, Map<String, Integer> firstLine, List<String> names) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = r.required(m.get(), "name", path).flatMap(n -> r.converted(n, path + ".name", HostReader::name))
                .filter(n -> unique(n, m.get().fields().get("name").value(), path, firstLine));
        name.ifPresent(names::add);
        Optional<URI> docker = r.required(m.get(), "docker", path).flatMap(n -> r.converted(n, path + ".docker", HostReader::uri));
        Optional<Optional<TlsPaths>> tls = r.field(m.get(), "tls").map(n -> tls(n, path + ".tls").map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<Optional<PortPlan>> ports = r.field(m.get(), "ports")
                .map(n -> new PortPlanReader(r).read(n, path + ".ports", fleetPorts).map(Optional::of))
                .orElse(Optional.of(Optional.empty()));
        Optional<OptionalInt> nodeCap = r.field(m.get(), "autoscale").map(n -> nodeCap(n, path + ".autoscale"))
                .orElse(Optional.of(OptionalInt.empty()));
        if (name.isEmpty() || docker.isEmpty() || tls.isEmpty() || ports.isEmpty() || nodeCap.isEmpty()) {
            return Optional.empty();
        }
        try {
            HostSpec.checkEndpoint(docker.get(), tls.get().isPresent());
        } catch (IllegalArgumentException e) {
            r.problem(m.get().fields().get("docker").value(), path + ".docker", e.getMessage());
            return Optional.empty();
        }
        HostSpec host = new HostSpec(name.get(), docker.get(), tls.get(), ports.get(), nodeCap.get());
        Optional<String> unanswered = engines.problem(host);
        unanswered.ifPresent(p -> r.problem(m.get().fields().get("docker").value(), path + ".docker", p));
        return unanswered.isEmpty() ? Optional.of(host) : Optional.empty();
    }

    private static String name(String text) {
        if (HostSpec.LOCAL.equals(text)) {
            throw new IllegalArgumentException("'" + HostSpec.LOCAL + "' is the engine of containers without a host;"
                    + " give this host another name");
        }
        return FleetSpecReader.name(text);
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expected tcp://HOST:PORT or unix:///PATH, got '" + text + "'");
        }
    }

    private boolean unique(String name, YamlNode at, String path, Map<String, Integer> firstLine) {
        Integer earlier = firstLine.putIfAbsent(name, at.location().line());
        if (earlier != null) {
            r.problem(at, path + ".name", "duplicate host name '" + name + "' (first at line " + earlier + ")");
            return false;
        }
        return true;
    }

    private Optional<TlsPaths> tls(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, TLS_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> ca = r.required(m.get(), "caCert", path).flatMap(n -> r.converted(n, path + ".caCert", this::readableFile));
        Optional<Path> cert = r.required(m.get(), "cert", path).flatMap(n -> r.converted(n, path + ".cert", this::readableFile));
        Optional<Path> key = r.required(m.get(), "key", path).flatMap(n -> r.converted(n, path + ".key", this::readableFile));
        if (ca.isEmpty() || cert.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TlsPaths(ca.get(), cert.get(), key.get()));
    }

    private Path readableFile(String text) {
        Path file;
        try {
            file = baseDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid path '" + text + "'");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + " (not a readable file)");
        }
        return file;
    }

    private Optional<OptionalInt> nodeCap(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, List.of("nodeCap"));
        if (m.isEmpty()) {
            return Optional.empty();
        }
        return r.field(m.get(), "nodeCap").map(n -> r.integer(n, path + ".nodeCap", 0, MAX_NODE_CAP).map(OptionalInt::of))
                .orElse(Optional.of(OptionalInt.empty()));
    }
}
