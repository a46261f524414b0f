package io.antfleet.store;

import io.antfleet.fleet.Container;
import java.util.List;
import java.util.Optional;

/** The Container table. Names and Docker ids are unique per host; a duplicate raises {@link StoreException}. */
public interface ContainerRepository {
    /** Inserts and returns the row with its surrogate id. */
    Container insert(Container container);

    /** Updates every column of the row with {@code container.id()} but its host (a container never moves between engines). */
    void update(Container container);

    Optional<Container> findById(long id);

    /**
     * The container of that name on any host; where several hosts have one, the local engine's (else the oldest
     * host's). Never to act on or read one host's container: use {@link #findByName(String, String)}, or
     * {@link #findAllByName} to tell the operator which hosts have the name.
     */
    Optional<Container> findByName(String name);

    /** Every host's container of that name (Docker names are unique per host only), the local engine's first. */
    List<Container> findAllByName(String name);

    /** The container of that Docker id on any host (as {@link #findByName(String)}). */
    Optional<Container> findByDockerId(String dockerId);

    /** The container of that name on {@code host}. */
    Optional<Container> findByName(String host, String name);

    Optional<Container> findByDockerId(String host, String dockerId);

    /** The row of what {@code host}'s engine reports: by its Docker id, else by its name (a row written before the id). */
    default Optional<Container> find(String host, String dockerId, String name) {
        return findByDockerId(host, dockerId).or(() -> findByName(host, name));
    }

    /** All containers, ordered by name (then host). */
    List<Container> findAll();

    /** Deletes the container and its nodes. */
    void delete(long id);
}
