package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.util.List;

/**
 * What {@code antctl add} printed: the ` ✓ antnodeN` lines of its Services Added block, the ` ✕` lines
 * of nodes it failed to add, and the download lines (when it fetched antnode itself).
 */
public record AddOutput(List<ServiceName> added, List<NodeFailure> failures, List<String> downloadLines) {
    public AddOutput {
        added = List.copyOf(added);
        failures = List.copyOf(failures);
        downloadLines = List.copyOf(downloadLines);
    }
}
