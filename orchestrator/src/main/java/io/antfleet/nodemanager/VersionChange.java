package io.antfleet.nodemanager;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.ServiceName;
import java.util.Optional;

/**
 * A node whose version is not the one its row records: {@code from} is the row's, {@code to} what the node
 * manager or the node itself now reports. Whether antfleet caused it is the journal's to say
 * ({@code io.antfleet.engine.VersionChanges}).
 */
public record VersionChange(ServiceName service, String from, String to) {
    public VersionChange {
        requireNonNull(service, "service is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }

    /** The change from the row's version to {@code observed}; empty when either is unknown or they are equal. */
    public static Optional<VersionChange> of(Node row, String observed) {
        if (row == null || row.version() == null || observed == null || row.version().equals(observed)) {
            return Optional.empty();
        }
        return Optional.of(new VersionChange(row.service(), row.version(), observed));
    }
}
