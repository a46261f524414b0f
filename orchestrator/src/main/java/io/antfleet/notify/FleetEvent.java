package io.antfleet.notify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One thing to tell the operator. {@code subject} names what it is about ({@code fleet-a/antnode3}, a
 * container, a resource, the fleet); the cooldown is per kind and subject, so one flapping node does not
 * silence another.
 */
public record FleetEvent(EventKind kind, String subject, String message, Instant at) {
    public FleetEvent {
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(message, "message is null");
        requireNonNull(at, "at is null");
    }

    String cooldownKey() {
        return kind.key() + " " + subject;
    }
}
