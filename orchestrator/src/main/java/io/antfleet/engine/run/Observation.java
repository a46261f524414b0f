package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.decide.ObservedFleetState;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.probe.ProbeHost;
import java.util.List;
import java.util.Map;

/**
 * One observation of the fleet: the engine's view, and the store rows behind it (by container name) that
 * the executor acts on. {@code answering} is how many nodes answered their metrics; {@code docker} is what
 * Docker said of the containers; {@code refused} names each node whose answer carried values antfleet refuses,
 * with the reason (its status is judged as if it had not answered; the other nodes' readings are kept), and
 * what the ant containers' registries showed that the cycle should say (a self-upgrade, a node started again).
 * {@code hostOf} names each container's host; {@code probedHosts} holds, per host, the figures of each probe that
 * answered there this cycle ({@link ProbeObservation}), from {@code probeExecs} execs.
 */
public record Observation(ObservedFleetState state, Map<String, Container> containers, Map<String, List<Node>> nodes,
        int swept, int answering, DockerView docker, List<String> refused, Map<String, String> hostOf,
        Map<String, List<ProbeHost>> probedHosts, int probeExecs) {
    public Observation {
        requireNonNull(state, "state is null");
        requireNonNull(docker, "docker is null");
        refused = List.copyOf(refused);
        containers = Map.copyOf(containers);
        nodes = Map.copyOf(nodes);
        hostOf = Map.copyOf(hostOf);
        probedHosts = Map.copyOf(probedHosts);
    }

    /** The host a container runs on ({@link HostSpec#LOCAL} for one the spec does not place). */
    public String hostOf(String container) {
        return hostOf.getOrDefault(container, HostSpec.LOCAL);
    }
}
