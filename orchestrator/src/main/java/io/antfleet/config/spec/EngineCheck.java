package io.antfleet.config.spec;

import io.antfleet.fleet.spec.HostSpec;
import java.util.Optional;

/** Asks a host's Docker engine whether it answers while a spec is validated ({@code apply --check}). */
@FunctionalInterface
public interface EngineCheck {
    /** Asks nothing: validation alone never contacts an engine. */
    EngineCheck NONE = host -> Optional.empty();

    /** Why the engine of {@code host} cannot be used (unreachable, TLS refused, …), or empty when it answers. */
    Optional<String> problem(HostSpec host);
}
