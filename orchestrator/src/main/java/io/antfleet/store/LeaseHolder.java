package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Who holds a database lease, and until when (unless renewed). */
public record LeaseHolder(String holder, Instant expiresAt) {
    public LeaseHolder {
        requireNonNull(holder, "holder is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }
}
