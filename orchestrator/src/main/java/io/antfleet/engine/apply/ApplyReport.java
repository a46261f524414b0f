package io.antfleet.engine.apply;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.plan.Plan;
import java.util.List;
import java.util.Optional;

/** What an apply planned and, per container, which actions ran and what stopped it. */
public record ApplyReport(Plan plan, List<ContainerOutcome> containers) {
    public ApplyReport {
        requireNonNull(plan, "plan is null");
        containers = List.copyOf(containers);
    }

    public boolean ok() {
        return containers.stream().allMatch(c -> c.error().isEmpty());
    }

    /** @param done one line per finished action, e.g. {@code add-nodes [antnode1, antnode2]} */
    public record ContainerOutcome(String container, List<String> done, Optional<String> error) {
        public ContainerOutcome {
            requireNonNull(container, "container is null");
            done = List.copyOf(done);
            requireNonNull(error, "error is null");
        }
    }
}
