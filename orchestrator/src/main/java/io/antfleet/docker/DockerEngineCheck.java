package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import io.antfleet.config.spec.EngineCheck;
import io.antfleet.fleet.spec.HostSpec;
import java.util.Optional;

/**
 * Asks a host's engine for its version over its own client (TLS verification on, the client certificate
 * presented), with the connect and response bounds of {@link DockerSettings}. The client is closed afterwards.
 */
public final class DockerEngineCheck implements EngineCheck {
    private final DockerSettings settings;

    public DockerEngineCheck(DockerSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public Optional<String> problem(HostSpec host) {
        try (DockerJavaGateway engine = new DockerJavaGateway(settings.forEngine(host.docker().toString(), host.tls()))) {
            engine.serverVersion();
            return Optional.empty();
        } catch (DockerOperationException e) {
            return Optional.of("the engine does not answer: " + e.getMessage());
        }
    }
}
