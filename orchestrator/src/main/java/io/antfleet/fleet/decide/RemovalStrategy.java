package io.antfleet.fleet.decide;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Which live node goes first when the fleet sheds (wnm's {@code node_removal_strategy}, stored but
 * never used there). Ties fall back to the youngest.
 */
public enum RemovalStrategy {
    YOUNGEST("youngest"),
    FEWEST_RECORDS("fewest-records"),
    MOST_SHUNNED("most-shunned");

    /** Youngest first: latest creation, then highest service number (antctl never reuses a number). */
    static final Comparator<ObservedNode> YOUNGEST_FIRST = Comparator
            .comparing(ObservedNode::createdAt, Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()))
            .thenComparing(ObservedNode::service)
            .reversed();

    private final String label;

    RemovalStrategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Orders candidates so that the first one is shed first. */
    Comparator<ObservedNode> order() {
        switch (this) {
            case FEWEST_RECORDS:
                return Comparator.comparing((ObservedNode n) -> n.readings().records(),
                        Comparator.nullsFirst(Comparator.<Long>naturalOrder())).thenComparing(YOUNGEST_FIRST);
            case MOST_SHUNNED:
                return Comparator.comparing((ObservedNode n) -> n.readings().shunned(),
                        Comparator.nullsLast(Comparator.<Long>reverseOrder())).thenComparing(YOUNGEST_FIRST);
            default:
                return YOUNGEST_FIRST;
        }
    }

    public static RemovalStrategy fromLabel(String label) {
        for (RemovalStrategy s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown removal strategy '" + label + "' (expected one of "
                + Arrays.stream(values()).map(RemovalStrategy::label).collect(Collectors.joining(", ")) + ")");
    }
}
