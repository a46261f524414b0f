package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.DockerGateway;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.fleet.AntfleetException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Re-import of the bench fleet: {@link ImportService} over its containers, against the floor of what any
 * importer must run, {@code antctl status --json} in every container, all at once (as {@code cmd & ... wait}
 * would), in {@link #ROUNDS} rounds ({@link Rounds}). The first import of the fresh database is reported apart.
 */
final class ImportScenario {
    static final int ROUNDS = 5;
    static final double TARGET_RATIO = 1.10;

    private final DockerGateway docker;
    private final ImportService imports;

    ImportScenario(DockerGateway docker, ImportService imports) {
        this.docker = requireNonNull(docker, "docker is null");
        this.imports = requireNonNull(imports, "imports is null");
    }

    ScenarioResult run(List<String> names, int expectedNodes, PrintWriter progress) {
        double first = Rounds.time(() -> importAll(names, expectedNodes)).wall();
        Floor floor = new Floor(docker);
        List<Floor.Step> surveys = names.stream().map(c -> Floor.exec(c, List.of("antctl", "status", "--json"))).toList();
        Rounds rounds = Rounds.run("import", ROUNDS, docker, () -> Rounds.time(() -> importAll(names, expectedNodes)),
                () -> floor.parallel(surveys), progress);
        return rounds.result("import", TARGET_RATIO, String.format(Locale.ROOT, "%d nodes from %d containers: first "
                + "import %.2f s (migrated database, no rows yet); re-import median %.3f s; floor (antctl status --json "
                + "in every container, all at once) median %.3f s; %s; %s", expectedNodes, names.size(), first,
                rounds.medianAntfleet(), rounds.medianFloor(), rounds.summary(), rounds.execsPerContainer(names.size())));
    }

    /** One import of {@code names}; fails unless every container imported and the nodes are all there. */
    void importAll(List<String> names, int expectedNodes) {
        ImportReport report = imports.importContainers(names, Optional.empty());
        long nodes = report.containers().stream().mapToLong(c -> c.nodes() == null ? 0 : c.nodes().size()).sum();
        if (!report.allSucceeded() || nodes != expectedNodes) {
            throw new AntfleetException("bench import recorded " + nodes + " of " + expectedNodes + " nodes: "
                    + report.containers().stream().map(ImportReport.ContainerImport::error).filter(e -> e != null).toList());
        }
    }
}
