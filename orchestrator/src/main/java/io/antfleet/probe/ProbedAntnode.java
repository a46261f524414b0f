package io.antfleet.probe;

import static java.util.Objects.requireNonNull;

/**
 * A legacy antnode as the probe read it inside its container: the kept sample lines of {@code /metrics} and
 * {@code /metadata} (each ending in {@code # EOF} when the node's body did), or why they could not be read.
 * The lines are not judged here: the caller parses them with the same OpenMetrics reader as its direct sweep.
 */
public record ProbedAntnode(String service, int metricsPort, String metrics, String metadata, String failure) {
    public ProbedAntnode {
        requireNonNull(service, "service is null");
        if ((metrics == null || metadata == null) == (failure == null)) {
            throw new IllegalArgumentException("antnode " + service + ": either both bodies or a failure");
        }
    }

    public boolean answered() {
        return failure == null;
    }
}
