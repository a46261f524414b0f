package io.antfleet.store;

import java.time.Instant;

/** When a node was last read. */
record NodeReadAt(long nodeId, Instant readAt) {
}
