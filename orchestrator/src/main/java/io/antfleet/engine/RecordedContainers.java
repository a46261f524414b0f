package io.antfleet.engine;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.fleet.Container;
import io.antfleet.store.ContainerRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container rows of the store, read in one query when an import starts (instead of one or two per container)
 * and kept up to date with what the import writes, so that a container named twice finds the row its first
 * import wrote. A container's row is the one {@link ContainerRepository#find} picks: its Docker id on its host,
 * else its name there. Thread safe.
 */
final class RecordedContainers {
    private final Map<String, Container> byDockerId = new ConcurrentHashMap<>();
    private final Map<String, Container> byName = new ConcurrentHashMap<>();

    RecordedContainers(List<Container> rows) {
        rows.forEach(this::put);
    }

    Optional<Container> of(ContainerInfo info) {
        Container row = byDockerId.get(key(info.host(), info.id()));
        return Optional.ofNullable(row != null ? row : byName.get(key(info.host(), info.name())));
    }

    void put(Container row) {
        if (row.dockerId() != null) {
            byDockerId.put(key(row.host(), row.dockerId()), row);
        }
        byName.put(key(row.host(), row.name()), row);
    }

    private static String key(String host, String value) {
        return host + "\n" + value;
    }
}
