package io.antfleet.engine;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.AntfleetException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a {@code --container} value names, the same for every command: a Docker name, a spec name (the
 * {@code antfleet.container} label) or a container id of at least {@value #MIN_ID_PREFIX} characters (Docker's
 * short id), narrowed by {@code --fleet}. A value that is empty, or that names containers of several fleets,
 * is refused with {@link ContainerSelectionException} (exit 2) before anything is touched.
 */
public final class ContainerSelection {
    public static final int MIN_ID_PREFIX = 12;

    private ContainerSelection() {
    }

    /** Every container of {@code candidates} that {@code wanted} names, in {@code fleet} when given. */
    public static List<ContainerInfo> matching(List<ContainerInfo> candidates, String wanted, Optional<String> fleet) {
        if (wanted == null || wanted.isBlank()) {
            throw new ContainerSelectionException("--container needs a container's name, spec name or id (" + MIN_ID_PREFIX
                    + " characters or more); it was empty");
        }
        return candidates.stream()
                .filter(i -> fleet.isEmpty() || fleet.get().equals(i.labels().get(FleetLabels.FLEET)))
                .filter(i -> names(i, wanted))
                .collect(Collectors.toList());
    }

    /**
     * The one container {@code wanted} names.
     *
     * @throws ContainerSelectionException when it names several (they are listed, with a hint at --fleet)
     * @throws AntfleetException when it names none
     */
    public static ContainerInfo one(List<ContainerInfo> candidates, String wanted, Optional<String> fleet) {
        List<ContainerInfo> found = matching(candidates, wanted, fleet);
        if (found.isEmpty()) {
            throw new AntfleetException("no antfleet container named '" + wanted + "'"
                    + fleet.map(f -> " in fleet '" + f + "'").orElse(""));
        }
        if (found.size() > 1) {
            throw ambiguous(wanted, found);
        }
        return found.get(0);
    }

    /** Refuses a {@code wanted} that names containers of several fleets (or several containers at all). */
    public static ContainerSelectionException ambiguous(String wanted, List<ContainerInfo> found) {
        return new ContainerSelectionException(matches(wanted, found)
                + "; name one by its Docker name, or add --fleet NAME or --host NAME; nothing was done");
    }

    /** How every refusal of an ambiguous {@code --container} begins: the value and the containers it matches. */
    public static String matches(String wanted, List<ContainerInfo> found) {
        String listed = found.stream().map(ContainerSelection::describe).collect(Collectors.joining(", "));
        return "--container '" + wanted + "' matches " + found.size() + " containers: " + listed;
    }

    private static boolean names(ContainerInfo info, String wanted) {
        return wanted.equals(info.name()) || wanted.equals(info.labels().get(FleetLabels.CONTAINER))
                || (wanted.length() >= MIN_ID_PREFIX && info.id().startsWith(wanted));
    }

    private static String describe(ContainerInfo info) {
        String fleet = info.labels().get(FleetLabels.FLEET);
        return info.name() + " (" + (io.antfleet.fleet.spec.HostSpec.LOCAL.equals(info.host()) ? "" : "host " + info.host() + ", ")
                + (fleet == null ? "no fleet label" : "fleet " + fleet) + ", id "
                + info.id().substring(0, Math.min(MIN_ID_PREFIX, info.id().length())) + ")";
    }

    /** A {@code --container} value that is empty or names several containers: a usage error, nothing touched. */
    public static final class ContainerSelectionException extends AntfleetException {
        public ContainerSelectionException(String message) {
            super(message);
        }
    }
}
