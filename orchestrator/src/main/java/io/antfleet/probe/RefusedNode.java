package io.antfleet.probe;

import static java.util.Objects.requireNonNull;

/** A node entry of a probe document that was not used, and why ({@code label} is its service or its index). */
public record RefusedNode(String label, String reason) {
    public RefusedNode {
        requireNonNull(label, "label is null");
        requireNonNull(reason, "reason is null");
    }
}
