package io.antfleet.antctl;

/**
 * Asks a node itself whether it is alive, through its metrics endpoint (antnode binds it to 127.0.0.1;
 * agent containers use host networking). Never throws for a dead or stalled node; thread safe.
 */
public interface LivenessProbe {
    ProbeResult probe(int metricsPort);

    /** {@code alive} only when {@code /metadata} answered with valid OpenMetrics text. */
    record ProbeResult(boolean alive, String peerId, String version, String problem) {
        public static ProbeResult dead(String problem) {
            return new ProbeResult(false, null, null, problem);
        }
    }
}
