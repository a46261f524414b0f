package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Readings from {@code /metrics} and {@code /metadata} bodies that something else fetched (the probe, inside a
 * remote container whose 127.0.0.1 is not ours), judged exactly as {@link MetricsSweep} judges the bodies it
 * fetches: the same parser, the same queries, the same mapper, so a body the sweep refuses is refused here too.
 * The fetcher needs only the sample lines of {@link #KEEP}. Stateless and thread-safe.
 */
public final class CarriedBodies {
    /** The metric names whose sample lines the readings need, from both bodies. */
    public static final List<String> KEEP = names();

    private final OpenMetricsParser parser = new OpenMetricsParser();
    private final NodeReadingsMapper mapper = new NodeReadingsMapper();

    /** A running node's readings, or a failed probe saying why (as the sweep would word it). Never throws. */
    public SweptNode read(SweepTarget target, String metrics, String metadata) {
        requireNonNull(target, "target is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(metadata, "metadata is null");
        ParsedMetrics m;
        try {
            m = parser.parse(metrics, NodeReadingsMapper.METRICS);
        } catch (MetricsFormatException e) {
            return SweptNode.failed(target, "GET /metrics: invalid body: " + e.getMessage());
        }
        try {
            return SweptNode.running(target, mapper.map(m, parser.parse(metadata, NodeReadingsMapper.METADATA)));
        } catch (MetricsFormatException e) {
            return SweptNode.failed(target, "invalid body: " + e.getMessage());
        } catch (RuntimeException e) {
            return SweptNode.failed(target, "unusable answer: " + e);
        }
    }

    private static List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (MetricQuery q : List.of(NodeReadingsMapper.METRICS, NodeReadingsMapper.METADATA)) {
            for (int i = 0; i < q.size(); i++) {
                names.add(q.name(i));
            }
        }
        return List.copyOf(new ArrayList<>(names));
    }
}
