package io.antfleet.nodemanager;

import java.util.List;

/** A node manager's upgrade summary, one outcome per node; {@code allAtLatest} is the "All nodes are at the latest version" case. */
public record UpgradeSummary(List<UpgradeOutcome> outcomes, boolean allAtLatest) {
    public UpgradeSummary {
        outcomes = List.copyOf(outcomes);
    }

    /** Nodes not upgraded, and nodes upgraded but not running (the ones antctl's exit 1 is about). */
    public List<UpgradeOutcome> failed() {
        return outcomes.stream().filter(o -> o.kind() == UpgradeOutcome.Kind.FAILED
                || o.kind() == UpgradeOutcome.Kind.NOT_STARTED).toList();
    }
}
