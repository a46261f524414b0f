package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.util.List;

/**
 * What {@code antctl add} printed: the ` ✓ antnodeN` lines of its Services Added block, the ` ✕` lines
 * of nodes it failed to add, the download lines (when it fetched antnode itself), and each added node's
 * detail lines (add_services/mod.rs:304-308) where they were all there.
 */
public record AddOutput(List<ServiceName> added, List<NodeFailure> failures, List<String> downloadLines,
        List<Details> details) {
    /** A ✓ node's {@code - Antnode path}, {@code - Data path}, {@code - Log path} and {@code - RPC port} lines. */
    public record Details(ServiceName service, String antnodePath, String dataDir, String logDir, String rpcSocketAddr) {
    }

    public AddOutput {
        added = List.copyOf(added);
        failures = List.copyOf(failures);
        downloadLines = List.copyOf(downloadLines);
        details = List.copyOf(details);
    }

    public AddOutput(List<ServiceName> added, List<NodeFailure> failures, List<String> downloadLines) {
        this(added, failures, downloadLines, List.of());
    }
}
