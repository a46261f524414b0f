package io.antfleet.nodemanager;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.ServiceName;

/** One node's line of an upgrade summary; versions and message are null where the line has none. */
public record UpgradeOutcome(ServiceName service, Kind kind, String fromVersion, String toVersion, String message) {
    public enum Kind {
        UPGRADED,
        NOT_REQUIRED,
        FORCED,
        FAILED
    }

    public UpgradeOutcome {
        requireNonNull(service, "service is null");
        requireNonNull(kind, "kind is null");
    }
}
