package io.antfleet.fleet.decide;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every container antfleet drives, with its nodes. {@code hostBootTime} and {@code lastCycleAt} (either
 * may be null) let the engine notice a reboot since the previous cycle.
 */
public record ObservedFleetState(List<ScalableContainer> containers, Instant hostBootTime, Instant lastCycleAt) {
    public ObservedFleetState {
        containers = List.copyOf(containers);
        Set<String> names = new HashSet<>();
        for (ScalableContainer c : containers) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("container " + c.name() + " is listed twice");
            }
        }
    }

    public static ObservedFleetState of(List<ScalableContainer> containers) {
        return new ObservedFleetState(containers, null, null);
    }

    public boolean rebootedSinceLastCycle() {
        return hostBootTime != null && lastCycleAt != null && hostBootTime.isAfter(lastCycleAt);
    }
}
