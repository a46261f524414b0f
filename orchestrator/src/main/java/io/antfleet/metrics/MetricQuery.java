package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The series a reader asks a metrics body for, compiled once and shared by every parse. A query names
 * either a value (all labelled series of that name are summed) or one label of an info metric. A name
 * ending in {@code _total} matches the sample name with or without the suffix, and vice versa, because
 * OpenMetrics counters are exposed as {@code <name>_total} while their family is {@code <name>}.
 */
public final class MetricQuery {
    private static final String TOTAL = "_total";

    private final String[] names;
    private final byte[][] baseNames;
    private final byte[][] labels;
    /** The first bytes of the names asked for: any other line (libp2p_*, most of a body) is skipped on one byte. */
    private final boolean[] firstBytes = new boolean[128];
    /** A name of "_total" alone leaves nothing to check first. */
    private boolean anyStart;

    private MetricQuery(List<String> names, List<String> labels) {
        int n = names.size();
        this.names = names.toArray(new String[0]);
        this.baseNames = new byte[n][];
        this.labels = new byte[n][];
        for (int i = 0; i < n; i++) {
            baseNames[i] = stripTotal(names.get(i)).getBytes(StandardCharsets.US_ASCII);
            if (baseNames[i].length == 0) {
                java.util.Arrays.fill(firstBytes, true);
                anyStart = true;
            } else {
                firstBytes[baseNames[i][0] & 0x7f] = true;
            }
            String label = labels.get(i);
            this.labels[i] = label == null ? null : label.getBytes(StandardCharsets.US_ASCII);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    byte[] label(int index) {
        return labels[index];
    }

    /**
     * Index of the query matching the sample name in {@code body[start, end)}, or -1. Allocation-free:
     * most lines of a body (libp2p_*) are skipped on their length and first bytes.
     */
    int match(byte[] body, int start, int end, int from) {
        if (!anyStart && (end <= start || !mayStartWith(body[start]))) {
            return -1;
        }
        int len = end - start;
        boolean hasTotal = len > TOTAL.length() && endsWithTotal(body, end);
        for (int i = from; i < baseNames.length; i++) {
            byte[] base = baseNames[i];
            if ((base.length == len || hasTotal && base.length == len - TOTAL.length())
                    && regionEquals(body, start, base)) {
                return i;
            }
        }
        return -1;
    }

    /** False when no name asked for starts with byte {@code b}: the line can be skipped unread. */
    boolean mayStartWith(byte b) {
        return anyStart || b >= 0 && firstBytes[b];
    }

    private static boolean endsWithTotal(byte[] body, int end) {
        for (int k = 0; k < TOTAL.length(); k++) {
            if (body[end - TOTAL.length() + k] != TOTAL.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionEquals(byte[] body, int start, byte[] expected) {
        for (int k = 0; k < expected.length; k++) {
            if (body[start + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private static String stripTotal(String name) {
        return name.endsWith(TOTAL) ? name.substring(0, name.length() - TOTAL.length()) : name;
    }

    /** Collects the series; the index of each is its position of addition. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();

        /** The sum of every series of {@code name}. */
        public Builder value(String name) {
            return add(name, null);
        }

        /** The value of label {@code label} on the first series of {@code name} (an info metric). */
        public Builder label(String name, String label) {
            return add(name, requireNonNull(label, "label is null"));
        }

        private Builder add(String name, String label) {
            requireNonNull(name, "name is null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("metric name is empty");
            }
            names.add(name);
            labels.add(label);
            return this;
        }

        public MetricQuery build() {
            return new MetricQuery(names, labels);
        }
    }
}
