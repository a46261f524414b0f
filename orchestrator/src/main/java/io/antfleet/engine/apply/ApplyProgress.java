package io.antfleet.engine.apply;

import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.plan.Plan;

/**
 * Told what an apply is doing, for a progress display. Called from the containers' worker threads, so
 * implementations must be thread-safe; they must not throw (a display never fails an apply).
 */
public interface ApplyProgress {
    ApplyProgress NONE = new ApplyProgress() {
        @Override
        public void planned(Plan plan) {
        }

        @Override
        public void started(PlanStep action) {
        }

        @Override
        public void finished(PlanStep action, boolean ok) {
        }
    };

    /** Before {@link #planned}: the host of each container the plan names (absent: the local engine). */
    default void hosts(java.util.Map<String, String> hostOfContainer) {
    }

    /** Before anything runs: every action of the plan, in order. */
    void planned(Plan plan);

    void started(PlanStep action);

    /** {@code ok} false: the action failed and its container's remaining actions will not run. */
    void finished(PlanStep action, boolean ok);
}
