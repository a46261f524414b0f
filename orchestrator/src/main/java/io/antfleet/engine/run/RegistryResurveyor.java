package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.UnknownHostNameException;
import io.antfleet.fleet.Operation;
import io.antfleet.store.OperationJournal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-reads antctl's registries of the named containers, each on its own host, into the node rows (import), then
 * closes the journal entries a database outage left PENDING on those containers: their outcome was never recorded,
 * but the rows now show what antctl did, so the entry is FAILED with that said rather than left open for
 * ever. Entries on a container whose import failed stay PENDING (its rows were not read again); so do
 * entries begun after the import started. Runs under the run loop's lease, when none of its own
 * operations is in flight.
 */
public final class RegistryResurveyor implements Resurveyor {
    static final String CLOSED = "outcome not recorded (the database was unreachable when it ended); "
            + "antctl's registry was read again, so the node rows show what it did";

    private final ImportService imports;
    private final OperationJournal journal;

    public RegistryResurveyor(ImportService imports, OperationJournal journal) {
        this.imports = requireNonNull(imports, "imports is null");
        this.journal = requireNonNull(journal, "journal is null");
    }

    @Override
    public void resurvey(Map<String, List<String>> namesByHost) {
        List<Operation> open = journal.pending();
        Set<Long> reread = new HashSet<>();
        namesByHost.forEach((host, names) -> {
            ImportReport report;
            try {
                report = imports.importContainers(names, Optional.empty(), Optional.of(host));
            } catch (UnknownHostNameException e) {
                return; // a host apply never recorded has no rows to read again
            }
            for (ImportReport.ContainerImport c : report.containers()) {
                if (c.error() == null && c.containerId() != null) {
                    reread.add(c.containerId());
                }
            }
        });
        for (Operation o : open) {
            if (o.containerId() != null && reread.contains(o.containerId())) {
                journal.fail(o.id(), CLOSED);
            }
        }
    }
}
