package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.fleet.spec.TlsPaths;
import java.net.URI;
import java.util.Optional;

/**
 * A Docker engine as the store knows it. {@code id} is the store's key (null before insert); an empty
 * {@code endpoint} is the local engine antfleet is configured with. Only TLS file paths, never keys.
 */
public record Host(Long id, String name, Optional<URI> endpoint, Optional<TlsPaths> tls) {
    public Host {
        requireNonNull(name, "name is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(tls, "tls is null");
    }

    /** The row a spec's host becomes. */
    public static Host of(HostSpec spec) {
        return new Host(null, spec.name(), Optional.of(spec.docker()), spec.tls());
    }

    public Host withId(Long newId) {
        return new Host(newId, name, endpoint, tls);
    }
}
