package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one cycle's Docker calls (one per host) said of the fleet's containers: those that are down (Docker name →
 * "not running" or "missing from Docker"); when the local engine could not be asked, why ({@code unreachable});
 * each other host whose engine could not be asked, and why ({@code hostsUnreachable}); and the containers on an
 * engine that could not be asked ({@code cut}, the local engine's included). Either way nothing that needs Docker is planned into a container its
 * engine cannot vouch for; the other hosts carry on.
 */
public record DockerView(Map<String, String> down, Optional<String> unreachable, Map<String, String> hostsUnreachable,
        Set<String> cut) {
    public static final String NOT_RUNNING = "not running";
    public static final String MISSING = "missing from Docker";

    public DockerView {
        down = Map.copyOf(down);
        requireNonNull(unreachable, "unreachable is null");
        hostsUnreachable = Map.copyOf(hostsUnreachable);
        cut = Set.copyOf(cut);
    }

    /** True when the container's engine answered and lists it running. */
    public boolean actionable(String container) {
        return !cut.contains(container) && !down.containsKey(container);
    }

    public boolean clean() {
        return down.isEmpty() && unreachable.isEmpty() && hostsUnreachable.isEmpty();
    }

    /** One line per problem, saying what the cycle did about it and what the operator can do. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        unreachable.ifPresent(why -> notes.add("docker unreachable: " + why + " (nothing that needs Docker is planned"
                + " this cycle; the metrics sweep carries on and the next cycle asks Docker again)"));
        hostsUnreachable.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> notes.add("host " + e.getKey()
                + " unreachable: " + e.getValue() + " (its containers are neither read nor acted on this cycle, their rows"
                + " are kept; the other hosts carry on and the next cycle asks its engine again)"));
        down.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> notes.add("container " + e.getKey()
                + " is " + e.getValue() + ": nothing is planned into it; to " + (MISSING.equals(e.getValue()) ? "create"
                : "start") + " it again with its nodes, stop `antfleet run` (it holds the lease) and run `antfleet apply`,"
                + " or restart `antfleet run FILE`, which applies FILE first"));
        return notes;
    }
}
