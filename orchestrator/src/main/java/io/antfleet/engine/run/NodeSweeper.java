package io.antfleet.engine.run;

import io.antfleet.metrics.SweptNode;
import io.antfleet.metrics.SweepTarget;
import java.util.List;

/**
 * Reads many nodes' metrics at once (the run loop's port onto {@link io.antfleet.metrics.MetricsSweep}).
 * Returns one probe per target, in order; a node that does not answer is a failed probe, never an exception.
 */
@FunctionalInterface
public interface NodeSweeper {
    List<SweptNode> sweep(List<SweepTarget> targets);
}
