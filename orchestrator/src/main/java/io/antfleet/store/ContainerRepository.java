package io.antfleet.store;

import io.antfleet.fleet.Container;
import java.util.List;
import java.util.Optional;

/** The Container table. Names and Docker ids are unique per host; a duplicate raises {@link StoreException}. */
public interface ContainerRepository {
    /** Inserts and returns the row with its surrogate id. */
    Container insert(Container container);

    /** Updates every column of the row with {@code container.id()}. */
    void update(Container container);

    Optional<Container> findById(long id);

    Optional<Container> findByName(String name);

    Optional<Container> findByDockerId(String dockerId);

    /** All containers, ordered by name. */
    List<Container> findAll();

    /** Deletes the container and its nodes. */
    void delete(long id);
}
