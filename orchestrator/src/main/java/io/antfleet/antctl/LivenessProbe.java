package io.antfleet.antctl;

/**
 * Asks a node itself whether it is alive, through its metrics endpoint (antnode binds it to 127.0.0.1;
 * agent containers use host networking). Never throws for a dead or stalled node; thread safe.
 */
public interface LivenessProbe {
    /**
     * For nodes whose metrics this process cannot reach (another host's 127.0.0.1): every node counts as alive with
     * the problem "not checked", so that nothing is stopped or killed on a liveness it could not see.
     */
    LivenessProbe UNCHECKED = port -> new ProbeResult(true, null, null, "not checked: the node's metrics are on another host");

    ProbeResult probe(int metricsPort);

    /** Each port's answer, in order; a probe that can asks them side by side (a started batch's peer ids). */
    default java.util.List<ProbeResult> probeAll(java.util.List<Integer> metricsPorts) {
        return metricsPorts.stream().map(this::probe).toList();
    }

    /** {@code alive} only when {@code /metadata} answered with valid OpenMetrics text. */
    record ProbeResult(boolean alive, String peerId, String version, String problem) {
        public static ProbeResult dead(String problem) {
            return new ProbeResult(false, null, null, problem);
        }
    }
}
