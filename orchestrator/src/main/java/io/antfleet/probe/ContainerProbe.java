package io.antfleet.probe;

/**
 * Reads one container's nodes and host figures with a single {@code docker exec} of {@code antfleet-probe}.
 * Thread-safe; one call per container per cycle. A probe that cannot run, exits non-zero or prints something
 * that is not a probe document is a {@link ProbeException} for that container alone; a bad node inside a good
 * document is a {@link RefusedNode}, never an exception.
 */
@FunctionalInterface
public interface ContainerProbe {
    /**
     * Reads the ant nodes and host of {@code container} (Docker id or name) on the engine of {@code host}
     * ({@code local}: the engine antfleet is configured with), and the legacy nodes {@code request} names.
     */
    ProbeDocument probe(String host, String container, ProbeRequest request);

    /** As {@link #probe(String, String, ProbeRequest)}, for a container of the local engine. */
    default ProbeDocument probe(String container, ProbeRequest request) {
        return probe(io.antfleet.fleet.spec.HostSpec.LOCAL, container, request);
    }

    /** Reads the ant nodes and host of a container of the local engine. */
    default ProbeDocument probe(String container) {
        return probe(container, ProbeRequest.NONE);
    }
}
