package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Imports what antctl already runs: for every antfleet-labelled container (or the named ones, labelled
 * or not), {@code antctl status --json}, then container and node rows keyed by (container, service).
 * Idempotent: a re-import updates rows and never duplicates them. A container whose survey fails is
 * reported and left untouched in the database; the others still import.
 */
public final class ImportService {
    public static final String FLEET_LABEL = "antfleet.fleet";
    public static final String PROCESS_MANAGER_LABEL = "antfleet.process-manager";
    /**
     * Surveys in flight at once: all containers up to this bound, as the floor (`cmd & ... wait`) does; on
     * 2 cores 8 at a time took as long, but let the last ones start late.
     */
    private static final int SURVEY_THREADS = 32;

    private final DockerGateway docker;
    private final NodeManagers managers;
    private final ContainerRepository containers;
    private final OperationJournal journal;
    private final NodeRows nodeRows;
    private final Clock clock;

    @Inject
    public ImportService(DockerGateway docker, NodeManagers managers, ContainerRepository containers,
            NodeRepository nodes, OperationJournal journal, VersionChanges versions, Clock clock) {
        this.docker = requireNonNull(docker, "docker is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.journal = requireNonNull(journal, "journal is null");
        this.nodeRows = new NodeRows(requireNonNull(nodes, "nodes is null"), requireNonNull(versions, "versions is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * @param names containers to import by name or id (empty: every container labelled antfleet.fleet)
     * @param mode the process manager for containers without an {@code antfleet.process-manager} label;
     *     empty keeps a mode already recorded, else antctl+sudo
     */
    public ImportReport importContainers(List<String> names, Optional<ProcessManager> mode) {
        List<String> asked = new ArrayList<>();
        List<Optional<ContainerInfo>> listed = new ArrayList<>();
        if (names.isEmpty()) {
            for (ContainerInfo info : docker.listByLabels(Collections.singletonMap(FLEET_LABEL, null))) {
                asked.add(info.name());
                listed.add(Optional.of(info));
            }
        } else {
            asked.addAll(names);
            names.forEach(n -> listed.add(null));
        }
        // The surveys (docker inspect, docker exec + antctl) are the slow part: run them side by side, each
        // container's as soon as a thread is free, then write the rows one container after another on this thread.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(asked.size(), SURVEY_THREADS)),
                r -> new Thread(r, "import-survey"));
        try {
            List<Future<Surveyed>> surveys = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                String name = asked.get(i);
                Optional<ContainerInfo> known = listed.get(i);
                surveys.add(pool.submit(() -> surveyed(known != null ? known : docker.inspect(name), mode)));
            }
            List<ImportReport.ContainerImport> results = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                Surveyed s = outcome(surveys.get(i));
                results.add(s.info().isPresent() ? importOne(s.info().get(), mode, s)
                        : ImportReport.ContainerImport.failed(asked.get(i), null, null, "no container named " + asked.get(i)));
            }
            return new ImportReport(results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A container as Docker reports it (empty: none of that name), and its survey's nodes or why it failed. */
    private record Surveyed(Optional<ContainerInfo> info, List<? extends RegisteredNode> nodes, RuntimeException failure) {
    }

    /** Surveys a running container; a container that is not running is not surveyed (its rows are marked down). */
    private Surveyed surveyed(Optional<ContainerInfo> info, Optional<ProcessManager> mode) {
        if (info.isEmpty() || !info.get().running()) {
            return new Surveyed(info, null, null);
        }
        try {
            return new Surveyed(info, survey(info.get(), mode), null);
        } catch (RuntimeException e) {
            return new Surveyed(info, null, e);
        }
    }

    private List<? extends RegisteredNode> survey(ContainerInfo info, Optional<ProcessManager> option) {
        return managers.forContainer(info.id(), info.name(), modeOf(info, option, findRow(info))).survey();
    }

    private ImportReport.ContainerImport importOne(ContainerInfo info, Optional<ProcessManager> option,
            Surveyed survey) {
        Optional<Container> existing = findRow(info);
        ProcessManager mode;
        List<? extends RegisteredNode> surveyed;
        try {
            mode = modeOf(info, option, existing);
            if (!info.running()) {
                existing.ifPresent(row -> markDown(info, row));
                throw new AntfleetException("container " + info.name() + " is not running: start it with `docker start "
                        + info.name() + "` and import again");
            }
            if (survey.failure() != null) {
                throw survey.failure();
            }
            surveyed = survey.nodes();
        } catch (AntfleetException | IllegalArgumentException e) {
            return ImportReport.ContainerImport.failed(info.name(), info.id(), existing.map(Container::processManager)
                    .orElse(option.orElse(null)), e.getMessage());
        }
        return record(info, mode, existing, surveyed);
    }

    private static Surveyed outcome(Future<Surveyed> survey) {
        try {
            return survey.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause(); // Docker's inspect failed: as before, the import fails
            }
            throw new AntfleetException("antctl survey failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("import interrupted", e);
        }
    }

    private ImportReport.ContainerImport record(ContainerInfo info, ProcessManager mode, Optional<Container> existing,
            List<? extends RegisteredNode> surveyed) {
        Instant now = clock.instant();
        Operation op = journal.begin("import", existing.map(Container::id).orElse(null),
                surveyed.stream().map(n -> n.service().value()).toList());
        try {
            Container row = upsertContainer(info, mode, existing, now);
            NodeRows.Result written = nodeRows.write(row, surveyed, now);
            journal.complete(op.id(), surveyed.stream().map(n -> n.service().value()).toList());
            surveyed.stream().filter(n -> !n.isUsable()).forEach(n -> refused(row.id(), n));
            return new ImportReport.ContainerImport(info.name(), info.id(), mode, row.id(), written.nodes(),
                    written.markedDead(), written.versionNotes(), null);
        } catch (RuntimeException e) {
            journal.fail(op.id(), String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /** The journal's record of an entry whose values were refused, with the reason: its row is UNKNOWN. */
    private void refused(long containerId, RegisteredNode n) {
        Operation refusal = journal.begin("refuse-node-values", containerId, List.of(n.service().value()));
        journal.fail(refusal.id(), n.problem());
    }

    /** A container that is not running runs no node: its row and its running nodes' rows say so. */
    private void markDown(ContainerInfo info, Container row) {
        Instant now = clock.instant();
        containers.update(new Container(row.id(), info.id(), info.name(), info.image(), "stopped", info.networkMode(),
                row.processManager(), row.ports(), row.createdAt(), now));
        nodeRows.markStopped(row.id(), now);
    }

    /** Label first (the container says how it runs), then the option, then what was recorded, then sudo. */
    static ProcessManager modeOf(ContainerInfo info, Optional<ProcessManager> option, Optional<Container> existing) {
        String label = info.labels().get(PROCESS_MANAGER_LABEL);
        if (label != null && !label.isBlank()) {
            return ProcessManager.fromLabel(label.trim());
        }
        return option.or(() -> existing.map(Container::processManager)).orElse(ProcessManager.ANTCTL_SUDO);
    }

    private Optional<Container> findRow(ContainerInfo info) {
        return containers.findByDockerId(info.id()).or(() -> containers.findByName(info.name()));
    }

    private Container upsertContainer(ContainerInfo info, ProcessManager mode, Optional<Container> existing,
            Instant now) {
        String status = info.running() ? "running" : "stopped";
        if (existing.isEmpty()) {
            return containers.insert(new Container(null, info.id(), info.name(), info.image(), status,
                    info.networkMode(), mode, null, now, now));
        }
        Container old = existing.get();
        Container updated = new Container(old.id(), info.id(), info.name(), info.image(), status, info.networkMode(),
                mode, old.ports(), old.createdAt(), now);
        containers.update(updated);
        return updated;
    }
}
