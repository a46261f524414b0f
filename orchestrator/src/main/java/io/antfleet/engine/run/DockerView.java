package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one cycle's Docker call said of the fleet's containers: those that are down (Docker name → "not
 * running" or "missing from Docker"), or, when Docker could not be asked, why. Either way nothing that needs
 * Docker is planned into a container it cannot vouch for.
 */
public record DockerView(Map<String, String> down, Optional<String> unreachable) {
    public static final String NOT_RUNNING = "not running";
    public static final String MISSING = "missing from Docker";
    /** How a container of a host whose engine does not answer is down (followed by why). */
    public static final String ENGINE_DOWN = "on a Docker engine that does not answer";

    public DockerView {
        down = Map.copyOf(down);
        requireNonNull(unreachable, "unreachable is null");
    }

    public static DockerView unreachable(String why) {
        return new DockerView(Map.of(), Optional.of(why));
    }

    /** True when Docker answered and lists the container running. */
    public boolean actionable(String container) {
        return unreachable.isEmpty() && !down.containsKey(container);
    }

    public boolean clean() {
        return down.isEmpty() && unreachable.isEmpty();
    }

    /** One line per problem, saying what the cycle did about it and what the operator can do. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        unreachable.ifPresent(why -> notes.add("docker unreachable: " + why + " (nothing that needs Docker is planned"
                + " this cycle; the metrics sweep carries on and the next cycle asks Docker again)"));
        down.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> e.getValue().startsWith(ENGINE_DOWN))
                .forEach(e -> notes.add("container " + e.getKey() + " is " + e.getValue() + " (nothing is planned into it"
                        + " until its engine answers again; the other hosts carry on)"));
        down.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> !e.getValue().startsWith(ENGINE_DOWN))
                .forEach(e -> notes.add("container " + e.getKey()
                + " is " + e.getValue() + ": nothing is planned into it; to " + (MISSING.equals(e.getValue()) ? "create"
                : "start") + " it again with its nodes, stop `antfleet run` (it holds the lease) and run `antfleet apply`,"
                + " or restart `antfleet run FILE`, which applies FILE first"));
        return notes;
    }
}
