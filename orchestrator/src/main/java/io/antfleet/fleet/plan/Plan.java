package io.antfleet.fleet.plan;

import java.util.List;

/**
 * What apply will do, in order; actions on one container run in order, containers may run in
 * parallel. {@code unmanaged} names fleet containers missing from the spec that stay because
 * {@code --prune} was not given; {@code notes} say what the plan leaves as it is on purpose (a node whose
 * version moved ahead of the spec's pin: antfleet never downgrades).
 */
public record Plan(List<PlanStep> actions, List<String> unmanaged, List<String> notes) {
    public Plan {
        actions = List.copyOf(actions);
        unmanaged = List.copyOf(unmanaged);
        notes = List.copyOf(notes);
    }

    public Plan(List<PlanStep> actions, List<String> unmanaged) {
        this(actions, unmanaged, List.of());
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    public Summary summary() {
        int create = 0;
        int add = 0;
        int start = 0;
        int stop = 0;
        int remove = 0;
        for (PlanStep a : actions) {
            if (a instanceof PlanStep.CreateContainer) {
                create++;
            } else if (a instanceof PlanStep.AddNodes) {
                add += a.count();
            } else if (a instanceof PlanStep.StartNodes) {
                start += a.count();
            } else if (a instanceof PlanStep.StopNodes) {
                stop += a.count();
            } else if (a instanceof PlanStep.RemoveNodes || a instanceof PlanStep.RemoveContainer) {
                remove += a.count();
            }
        }
        return new Summary(create, add, start, stop, remove);
    }

    /** Containers to create; nodes to add, start, stop; nodes and containers to remove. */
    public record Summary(int create, int add, int start, int stop, int remove) {
    }
}
