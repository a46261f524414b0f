package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of one cycle: the decisions, and the timers to keep once they are carried out. */
public record Decisions(List<Decision> list, Timers timers) {
    public Decisions {
        list = List.copyOf(list);
        requireNonNull(timers, "timers is null");
    }

    public List<Action> actions() {
        return list.stream().map(Decision::action).collect(Collectors.toList());
    }

    /** True when the cycle changes nothing (only SURVEY or NONE). */
    public boolean changesNothing() {
        return list.stream().allMatch(d -> d.action() == Action.SURVEY || d.action() == Action.NONE);
    }
}
