package io.antfleet.nodemanager;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.ServiceName;

/** One node's line of an upgrade summary; versions and message are null where the line has none. */
public record UpgradeOutcome(ServiceName service, Kind kind, String fromVersion, String toVersion, String message) {
    public enum Kind {
        UPGRADED,
        NOT_REQUIRED,
        FORCED,
        FAILED,
        /** {@code ✕ antnodeN was upgraded from A to B but it did not start}: replaced, not running (cmd/mod.rs:114-119). */
        NOT_STARTED
    }

    public UpgradeOutcome {
        requireNonNull(service, "service is null");
        requireNonNull(kind, "kind is null");
    }
}
