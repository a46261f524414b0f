package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * What one parse found for a {@link MetricQuery}: per query index, the sum and number of the matching
 * series, the raw text of the first value (for exact decimals) and, for label queries, the label value.
 * Not thread-safe while being filled; immutable once {@link OpenMetricsParser#parse} returned it.
 */
public final class ParsedMetrics {
    /** The longest exact decimal kept: the width of the rewards columns. */
    public static final int MAX_DECIMAL = 100;
    private final MetricQuery query;
    final double[] sums;
    final int[] counts;
    final String[] firstRaw;
    final String[] labelValues;

    ParsedMetrics(MetricQuery query) {
        this.query = requireNonNull(query, "query is null");
        int n = query.size();
        this.sums = new double[n];
        this.counts = new int[n];
        this.firstRaw = new String[n];
        this.labelValues = new String[n];
    }

    public MetricQuery query() {
        return query;
    }

    /** True when at least one series matched query {@code index}. */
    public boolean has(int index) {
        return counts[index] > 0 || labelValues[index] != null;
    }

    /** Number of series summed for query {@code index}. */
    public int seriesCount(int index) {
        return counts[index];
    }

    /** The sum of the matching series, empty when none matched. May be NaN or infinite. */
    public OptionalDouble value(int index) {
        return counts[index] == 0 ? OptionalDouble.empty() : OptionalDouble.of(sums[index]);
    }

    /** The label value asked for by a label query, or null. */
    public String label(int index) {
        return labelValues[index];
    }

    /**
     * The value as exact decimal text: a single series keeps its text exactly ({@code 1.5e3} → {@code 1500}),
     * several are summed as BigDecimal of their doubles. Null when absent, NaN or infinite.
     *
     * @throws MetricsFormatException when the plain decimal would be longer than {@link #MAX_DECIMAL}
     *     characters (a node sending {@code 1e-999999999} must not make antfleet write a billion zeros)
     */
    public String exactDecimal(int index) {
        if (counts[index] == 0 || Double.isNaN(sums[index]) || Double.isInfinite(sums[index])) {
            return null;
        }
        BigDecimal decimal = counts[index] == 1 ? new BigDecimal(stripPlus(firstRaw[index]))
                : BigDecimal.valueOf(sums[index]);
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        long plainLength = plainLength(stripped);
        if (plainLength > MAX_DECIMAL) {
            throw new MetricsFormatException(query.name(index) + " value '" + firstRaw[index] + "' is " + plainLength
                    + " characters as a plain decimal (at most " + MAX_DECIMAL + ")");
        }
        return stripped.toPlainString();
    }

    /** The length of {@code toPlainString()}, worked out without writing it. */
    static long plainLength(BigDecimal d) {
        long digits = d.precision();
        long scale = d.scale();
        long sign = d.signum() < 0 ? 1 : 0;
        if (scale <= 0) {
            return sign + digits - scale;
        }
        return sign + (scale >= digits ? scale + 2 : digits + 1);
    }

    private static String stripPlus(String raw) {
        return raw.startsWith("+") ? raw.substring(1) : raw;
    }
}
