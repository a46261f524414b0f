package io.antfleet.engine.report;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.Node;

/** One node row of a report, with the name of the container it runs in (services repeat per container). */
public record ReportRow(String container, Node node) {
    public ReportRow {
        requireNonNull(container, "container is null");
        requireNonNull(node, "node is null");
    }
}
