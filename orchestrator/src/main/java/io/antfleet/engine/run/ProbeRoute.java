package io.antfleet.engine.run;

import io.antfleet.fleet.spec.HostSpec;

/**
 * Which hosts' antctl containers the run loop reads through the probe ({@link ProbeObservation}) rather than by
 * sweeping their metrics ports directly: those whose nodes' 127.0.0.1 is not the orchestrator's. By default every
 * host but the local one; a test binds {@link #ALL} to read local containers the remote way.
 */
@FunctionalInterface
public interface ProbeRoute {
    ProbeRoute REMOTE = host -> !HostSpec.LOCAL.equals(host);
    ProbeRoute ALL = host -> true;
    ProbeRoute NONE = host -> false;

    boolean throughProbe(String host);
}
