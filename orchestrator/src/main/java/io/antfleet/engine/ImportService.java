package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.nodemanager.NodeManagers;
import io.antfleet.nodemanager.RegisteredNode;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports what antctl already runs: for every antfleet-labelled container (or the named ones, labelled
 * or not) on every recorded host (or the one named), {@code antctl status --json} through its host's engine, then
 * container and node rows keyed by (container, service) on that host. Idempotent: a re-import updates rows and
 * never duplicates them. A container whose survey fails is reported and left untouched in the database; the others
 * still import, and so do the other hosts when one engine does not answer. A name that containers on two hosts have
 * is refused (the others still import): {@code --host} says which.
 */
public final class ImportService {
    public static final String FLEET_LABEL = "antfleet.fleet";
    public static final String PROCESS_MANAGER_LABEL = "antfleet.process-manager";
    /**
     * Surveys in flight at once: all containers up to this bound, as the floor (`cmd & ... wait`) does; on
     * 2 cores 8 at a time took as long, but let the last ones start late.
     */
    private static final int SURVEY_THREADS = 32;

    private final FleetEngines engines;
    private final NodeManagers managers;
    private final ContainerRepository containers;
    private final OperationJournal journal;
    private final UnitOfWork unit;
    private final NodeRows nodeRows;
    private final Clock clock;

    @Inject
    public ImportService(FleetEngines engines, NodeManagers managers, ContainerRepository containers,
            NodeRepository nodes, OperationJournal journal, UnitOfWork unit, VersionChanges versions, Clock clock) {
        this.engines = requireNonNull(engines, "engines is null");
        this.managers = requireNonNull(managers, "managers is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.journal = requireNonNull(journal, "journal is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.nodeRows = new NodeRows(requireNonNull(nodes, "nodes is null"), requireNonNull(versions, "versions is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * @param names containers to import by name or id (empty: every container labelled antfleet.fleet)
     * @param mode the process manager for containers without an {@code antfleet.process-manager} label;
     *     empty keeps a mode already recorded, else antctl+sudo
     */
    public ImportReport importContainers(List<String> names, Optional<ProcessManager> mode) {
        return importContainers(names, mode, Optional.empty());
    }

    /**
     * As {@link #importContainers(List, Optional)}, on the one host {@code host} names when given.
     *
     * @throws UnknownHostNameException when {@code host} names no recorded host
     */
    public ImportReport importContainers(List<String> names, Optional<ProcessManager> mode, Optional<String> host) {
        List<String> scope = engines.scope(host);
        Wanted wanted = wanted(scope, names);
        List<String> asked = wanted.asked();
        List<Optional<ContainerInfo>> found = wanted.found();
        RecordedContainers rows = new RecordedContainers(containers.findAll());
        // The surveys (docker exec + antctl) are the slow part: run them side by side, each container's as soon as a
        // thread is free, and write each container's rows on this thread as soon as its survey is in, so that the
        // writes overlap the surveys still running.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(asked.size(), SURVEY_THREADS)),
                r -> new Thread(r, "import-survey"));
        try {
            CompletionService<Surveyed> surveys = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < asked.size(); i++) {
                int index = i;
                Optional<ContainerInfo> info = found.get(i);
                Optional<Container> existing = info.flatMap(rows::of);
                surveys.submit(() -> surveyed(index, info, existing, mode));
            }
            ImportReport.ContainerImport[] results = new ImportReport.ContainerImport[asked.size()];
            for (int done = 0; done < asked.size(); done++) {
                Surveyed s = outcome(surveys);
                String name = asked.get(s.index());
                results[s.index()] = s.info().isPresent() ? importOne(s.info().get(), mode, s, rows)
                        : ImportReport.ContainerImport.failed(name, null, null, wanted.refused().getOrDefault(name,
                                "no container named " + name
                                + (scope.size() > 1 ? " on hosts " + String.join(", ", scope) : "")), scope.get(0));
            }
            return new ImportReport(List.of(results), wanted.down(), List.copyOf(wanted.refused().keySet()));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The containers to import, in order: each one's name as asked and what Docker reports (empty: none of that name,
     * or a name {@code refused}, with why); and the hosts whose engine did not answer.
     */
    private record Wanted(List<String> asked, List<Optional<ContainerInfo>> found, List<HostProblem> down,
            Map<String, String> refused) {
    }

    /**
     * Every labelled container of {@code scope}, or the ones {@code names} names. A name that several hosts have is
     * refused, as {@code status} and {@code node} refuse it ({@link ContainerSelection}): nothing is surveyed or
     * written for it, the other names still import.
     */
    private Wanted wanted(List<String> scope, List<String> names) {
        if (names.isEmpty()) {
            FleetEngines.Listing listing = engines.list(scope, Collections.singletonMap(FLEET_LABEL, null));
            return new Wanted(listing.containers().stream().map(ContainerInfo::name).toList(),
                    listing.containers().stream().map(Optional::of).toList(), listing.unreachable(), Map.of());
        }
        // one list per engine for all the names, not an inspect per container before its survey
        FleetEngines.Found named = engines.find(scope, names);
        List<Optional<ContainerInfo>> found = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            List<ContainerInfo> matches = named.containers().get(i);
            found.add(matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty());
            if (matches.size() > 1) {
                refused.put(names.get(i), ContainerSelection.matches(names.get(i), matches)
                        + "; add --host NAME; nothing was imported for it");
            }
        }
        return new Wanted(names, found, named.unreachable().stream().distinct().toList(), refused);
    }

    /**
     * A container as Docker reports it (empty: none of that name), its row when the import began, and its survey's
     * nodes or why it failed.
     */
    private record Surveyed(int index, Optional<ContainerInfo> info, Optional<Container> existing,
            List<? extends RegisteredNode> nodes, RuntimeException failure) {
    }

    /** Surveys a running container; a container that is not running is not surveyed (its rows are marked down). */
    private Surveyed surveyed(int index, Optional<ContainerInfo> info, Optional<Container> existing,
            Optional<ProcessManager> mode) {
        if (info.isEmpty() || !info.get().running()) {
            return new Surveyed(index, info, existing, null, null);
        }
        try {
            ContainerInfo c = info.get();
            return new Surveyed(index, info, existing, managers.forContainer(c.host(), c.id(), c.name(),
                    modeOf(c, mode, existing), c.imageId()).survey(), null);
        } catch (RuntimeException e) {
            return new Surveyed(index, info, existing, null, e);
        }
    }

    private ImportReport.ContainerImport importOne(ContainerInfo info, Optional<ProcessManager> option,
            Surveyed survey, RecordedContainers rows) {
        // the row as this import left it (a container named twice), else as it began
        Optional<Container> existing = rows.of(info).or(survey::existing);
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
                    .orElse(option.orElse(null)), e.getMessage(), info.host());
        }
        return record(info, mode, existing, surveyed, rows);
    }

    /** The next survey to finish. */
    private static Surveyed outcome(CompletionService<Surveyed> surveys) {
        try {
            return surveys.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new AntfleetException("antctl survey failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("import interrupted", e);
        }
    }

    /**
     * The journal entry first (its own transaction: the intent is recorded before any row changes), then the
     * container's row, its node rows and the entry's completion in one unit of work.
     */
    private ImportReport.ContainerImport record(ContainerInfo info, ProcessManager mode, Optional<Container> existing,
            List<? extends RegisteredNode> surveyed, RecordedContainers rows) {
        Instant now = clock.instant();
        List<String> services = surveyed.stream().map(n -> n.service().value()).toList();
        Operation op = journal.begin("import", existing.map(Container::id).orElse(null), services);
        Written w;
        try {
            w = unit.call(() -> {
                Container row = upsertContainer(info, mode, existing, now);
                NodeRows.Result nodes = nodeRows.write(row, surveyed, now);
                journal.complete(op.id(), services);
                return new Written(row, nodes);
            });
        } catch (RuntimeException e) {
            journal.fail(op.id(), String.valueOf(e.getMessage()));
            throw e;
        }
        rows.put(w.row());
        surveyed.stream().filter(n -> !n.isUsable()).forEach(n -> refused(w.row().id(), n));
        return new ImportReport.ContainerImport(info.name(), info.id(), mode, w.row().id(), w.nodes().nodes(),
                w.nodes().markedDead(), w.nodes().versionNotes(), null, info.host());
    }

    /** A container's rows as one import wrote them. */
    private record Written(Container row, NodeRows.Result nodes) {
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
                row.processManager(), row.ports(), row.createdAt(), now, row.host()));
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

    private Container upsertContainer(ContainerInfo info, ProcessManager mode, Optional<Container> existing,
            Instant now) {
        String status = info.running() ? "running" : "stopped";
        if (existing.isEmpty()) {
            return containers.insert(new Container(null, info.id(), info.name(), info.image(), status,
                    info.networkMode(), mode, null, now, now, info.host()));
        }
        Container old = existing.get();
        Container updated = new Container(old.id(), info.id(), info.name(), info.image(), status, info.networkMode(),
                mode, old.ports(), old.createdAt(), now, old.host());
        containers.update(updated);
        return updated;
    }
}
