package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Docker engine a fleet's containers may run on. {@code tcp://} engines are reached with mutual TLS
 * only ({@code tls} required); {@code unix://} engines are local sockets and take no TLS. {@code ports}
 * overrides the fleet's port plan on this host; {@code nodeCap} limits the nodes this host runs.
 * The name {@value #LOCAL} is reserved for the engine antfleet itself is configured with (DOCKER_HOST).
 */
public record HostSpec(String name, URI docker, Optional<TlsPaths> tls, Optional<PortPlan> ports, OptionalInt nodeCap) {
    /** The engine of containers that name no host. */
    public static final String LOCAL = "local";

    public HostSpec {
        requireNonNull(name, "name is null");
        if (!FleetSpec.isValidName(name) || LOCAL.equals(name)) {
            throw new IllegalArgumentException("invalid host name '" + name + "'");
        }
        requireNonNull(docker, "docker is null");
        requireNonNull(tls, "tls is null");
        requireNonNull(ports, "ports is null");
        requireNonNull(nodeCap, "nodeCap is null");
        checkEndpoint(docker, tls.isPresent());
        if (nodeCap.isPresent() && nodeCap.getAsInt() < 0) {
            throw new IllegalArgumentException("nodeCap " + nodeCap.getAsInt() + " must not be negative");
        }
    }

    /**
     * Throws unless {@code docker} is {@code tcp://HOST:PORT} with TLS or {@code unix:///PATH} without it;
     * the message says what is wrong with the endpoint as written.
     */
    public static void checkEndpoint(URI docker, boolean withTls) {
        String scheme = docker.getScheme();
        if ("tcp".equals(scheme)) {
            if (docker.getHost() == null || docker.getPort() < 1 || !(docker.getPath() == null || docker.getPath().isEmpty())) {
                throw new IllegalArgumentException("expected tcp://HOST:PORT, got '" + docker + "'");
            }
            if (!withTls) {
                throw new IllegalArgumentException("a tcp:// engine needs tls: {caCert, cert, key} (antfleet never talks to"
                        + " an engine without mutual TLS)");
            }
        } else if ("unix".equals(scheme)) {
            if (docker.getPath() == null || !docker.getPath().startsWith("/") || docker.getAuthority() != null) {
                throw new IllegalArgumentException("expected unix:///PATH, got '" + docker + "'");
            }
            if (withTls) {
                throw new IllegalArgumentException("tls applies to tcp:// engines only, not to '" + docker + "'");
            }
        } else {
            throw new IllegalArgumentException("expected tcp://HOST:PORT or unix:///PATH, got '" + docker + "'");
        }
    }
}
