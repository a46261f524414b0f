package io.antfleet.fleet.plan;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every container carrying the fleet's label, as observed, and what the host's other antfleet containers hold
 * ({@link Neighbours}); the planner's "actual" side.
 */
public record ObservedFleet(List<ObservedContainer> containers, Neighbours neighbours) {
    public static final ObservedFleet EMPTY = new ObservedFleet(List.of());

    public ObservedFleet(List<ObservedContainer> containers) {
        this(containers, Neighbours.NONE);
    }

    public ObservedFleet {
        requireNonNull(neighbours, "neighbours is null");
        containers = List.copyOf(containers);
        Set<String> names = new HashSet<>();
        for (ObservedContainer c : containers) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("two observed containers are labelled '" + c.name() + "'");
            }
        }
    }

    public Optional<ObservedContainer> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
