package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.spec.HostSpec;

/**
 * The Docker engines of a fleet: one {@link DockerGateway} per host, by host name. Everything done to a container
 * goes through the gateway of the host it runs on (a container row's {@code host}, a {@link ContainerInfo}'s
 * {@code host}); {@link HostSpec#LOCAL} is the engine antfleet is configured with. Thread safe; a gateway is
 * opened on first use and the same instance handed out afterwards. The containers a remote host's gateway reports
 * carry that host's name, and its failures name the host and its endpoint.
 */
public interface DockerGateways {
    /**
     * The gateway of {@code host}. Opening it does not contact the engine: an engine that does not answer fails
     * the first call, with {@link EngineUnreachableException}.
     *
     * @throws UnknownEngineException when no such host is recorded
     */
    DockerGateway forHost(String host);

    /**
     * Makes {@code host} known to this registry before (or instead of) its host row: a spec's {@code hosts:} for a
     * dry run, which records nothing. What is declared wins over the recorded row of the same name.
     */
    void declare(io.antfleet.fleet.Host host);

    /** Where {@code host}'s engine is, for messages ({@code unix:///var/run/docker.sock}, {@code tcp://…}). */
    String endpoint(String host);

    /** The local engine alone (tests, and callers that know of no other host). */
    static DockerGateways only(DockerGateway local) {
        requireNonNull(local, "local is null");
        return new DockerGateways() {
            @Override
            public DockerGateway forHost(String host) {
                if (!HostSpec.LOCAL.equals(host)) {
                    throw new UnknownEngineException("no Docker engine is known for host '" + host + "'");
                }
                return local;
            }

            @Override
            public void declare(io.antfleet.fleet.Host host) {
                // only the local engine: a declared host stays unknown, as forHost says
            }

            @Override
            public String endpoint(String host) {
                return HostSpec.LOCAL.equals(host) ? "the local engine" : "unknown";
            }
        };
    }
}
