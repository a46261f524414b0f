package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

/**
 * A host a command could not work on, and why (its engine did not answer, or refused this client's certificate):
 * reported once for the host, while the other hosts carry on. The message names the host and its endpoint.
 */
public record HostProblem(String host, String message) {
    public HostProblem {
        requireNonNull(host, "host is null");
        requireNonNull(message, "message is null");
    }
}
