package io.antfleet.engine.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The reports of {@code antfleet report}, by their wnm names. */
public enum ReportKind {
    NODE_STATUS("node-status"),
    NODE_STATUS_DETAILS("node-status-details"),
    INFLUX_RESOURCES("influx-resources"),
    MACHINE_CONFIG("machine-config"),
    MACHINE_METRICS("machine-metrics");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ReportKind parse(String value) {
        return Arrays.stream(values()).filter(k -> k.label.equals(value)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown report '" + value + "' (expected " + Arrays.stream(values())
                        .map(ReportKind::label).collect(Collectors.joining(", ")) + ")"));
    }
}
