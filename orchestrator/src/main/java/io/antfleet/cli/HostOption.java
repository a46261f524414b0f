package io.antfleet.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --host NAME}, the same for every command that works across hosts. */
final class HostOption {
    @Option(names = "--host", paramLabel = "NAME", description = "Only the containers on this host: 'local' (the engine"
            + " of DOCKER_HOST) or a name from a spec's hosts: that apply recorded. Default: every host; an engine that"
            + " does not answer is reported and the other hosts carry on (exit 1).")
    String host;

    Optional<String> value() {
        return Optional.ofNullable(host);
    }
}
