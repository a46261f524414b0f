package io.antfleet.store;

import io.antfleet.fleet.Host;
import java.util.List;
import java.util.Optional;

/**
 * The Host table: the Docker engines containers run on, unique by name. The local engine is the row
 * {@code local} the schema starts with.
 */
public interface HostRepository {
    /**
     * Records {@code host} under its name: inserts it, or rewrites the endpoint and TLS paths of the row
     * with that name. Idempotent. Returns the row with its id.
     */
    Host record(Host host);

    Optional<Host> findByName(String name);

    /** Every host, the local one first. */
    List<Host> findAll();
}
