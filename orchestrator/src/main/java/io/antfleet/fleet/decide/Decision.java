package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.ServiceName;
import java.util.List;

/**
 * One decision with its reason. {@code container} is null only for SURVEY and NONE (the whole fleet);
 * START/STOP/REMOVE/UPGRADE/RESTART name their {@code services}; ADD carries a {@code count}.
 */
public record Decision(Action action, String container, List<ServiceName> services, int count, String reason) {
    public Decision {
        requireNonNull(action, "action is null");
        requireNonNull(reason, "reason is null");
        services = List.copyOf(services);
        if (container == null && action != Action.SURVEY && action != Action.NONE) {
            throw new IllegalArgumentException(action + " needs a container");
        }
        if (action.targetsServices() && services.isEmpty()) {
            throw new IllegalArgumentException(action + " in " + container + " names no services");
        }
        if (action == Action.ADD && count < 1) {
            throw new IllegalArgumentException("ADD in " + container + " needs a count >= 1, got " + count);
        }
    }

    public static Decision onServices(Action action, String container, List<ServiceName> services, String reason) {
        return new Decision(action, container, services, services.size(), reason);
    }

    public static Decision add(String container, int count, String reason) {
        return new Decision(Action.ADD, container, List.of(), count, reason);
    }

    public static Decision survey(String reason) {
        return new Decision(Action.SURVEY, null, List.of(), 0, reason);
    }

    @Override
    public String toString() {
        String target = action == Action.ADD ? container + " +" + count
                : container == null ? "fleet" : container + " " + services;
        return action + " " + target + ": " + reason;
    }
}
