package io.antfleet.store;

import io.antfleet.fleet.Host;
import io.antfleet.fleet.spec.TlsPaths;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** A host row as the table has it: the endpoint and TLS paths as nullable text. */
record HostRow(Long id, String name, String endpoint, String caCertPath, String certPath, String keyPath, Instant updatedAt) {

    static HostRow of(Host h, Instant at) {
        Optional<TlsPaths> tls = h.tls();
        return new HostRow(h.id(), h.name(), h.endpoint().map(URI::toString).orElse(null),
                tls.map(t -> t.caCert().toString()).orElse(null), tls.map(t -> t.cert().toString()).orElse(null),
                tls.map(t -> t.key().toString()).orElse(null), at);
    }

    Host toHost() {
        Optional<TlsPaths> tls = caCertPath == null ? Optional.empty()
                : Optional.of(new TlsPaths(Path.of(caCertPath), Path.of(certPath), Path.of(keyPath)));
        return new Host(id, name, Optional.ofNullable(endpoint).map(URI::create), tls);
    }
}
