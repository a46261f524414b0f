package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the PEM files for a TLS-protected Docker engine are: the CA that signed the engine's certificate,
 * and the client certificate and key the engine trusts. Only the paths are kept, never the key material.
 */
public record TlsPaths(Path caCert, Path cert, Path key) {
    public TlsPaths {
        requireNonNull(caCert, "caCert is null");
        requireNonNull(cert, "cert is null");
        requireNonNull(key, "key is null");
    }
}
