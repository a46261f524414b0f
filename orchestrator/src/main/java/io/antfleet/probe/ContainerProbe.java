package io.antfleet.probe;

/**
 * Reads one container's nodes and host figures with a single {@code docker exec} of {@code antfleet-probe}.
 * Thread-safe; one call per container per cycle. A probe that cannot run, exits non-zero or prints something
 * that is not a probe document is a {@link ProbeException} for that container alone; a bad node inside a good
 * document is a {@link RefusedNode}, never an exception.
 */
@FunctionalInterface
public interface ContainerProbe {
    /** Reads the container's ant nodes and host, and the legacy nodes {@code request} names. */
    ProbeDocument probe(String container, ProbeRequest request);

    /** Reads the container's ant nodes and host. */
    default ProbeDocument probe(String container) {
        return probe(container, ProbeRequest.NONE);
    }
}
