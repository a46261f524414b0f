package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

/** One ` ✕ antnodeN: reason` line antctl printed for a node it could not handle. */
public record NodeFailure(String service, String reason) {
    public NodeFailure {
        requireNonNull(service, "service is null");
        requireNonNull(reason, "reason is null");
    }
}
