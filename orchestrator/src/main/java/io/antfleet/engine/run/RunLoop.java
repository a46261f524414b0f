package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.LeaseKeeper;
import io.antfleet.engine.apply.LeaseHeldException;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.decide.DecisionEngine;
import io.antfleet.fleet.decide.Decisions;
import io.antfleet.fleet.decide.HostByHost;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.decide.Timers;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.DecisionRecord;
import io.antfleet.store.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autoscale loop: sample the host → sweep the nodes → decide → carry out → wait → repeat, under the
 * database lease (taken at the start, renewed every cycle, released at the end). A cycle that fails (the
 * database away) is reported and retried after a backoff; the run goes on. {@link #stop()} (from a shutdown
 * hook) ends the wait at once and the loop after the cycle in progress.
 */
public final class RunLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);

    private final RunObserver observer;
    private final DecisionExecutor executor;
    private final RunState state;
    private final DatabaseLease lease;
    private final FleetMetrics metrics;
    private final Resurveyor resurveyor;
    private final DecisionLog log;
    private final UnitOfWork unit;
    private final Clock clock;
    static final Duration LEASE_TTL = LeaseKeeper.TTL;
    /** The first wait after a failed cycle; it doubles after each further failure, up to the interval. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Duration firstRetry;
    private final ReadingHistory history;
    private final RunEvents events;
    private final FleetMutex mutex;
    private final HostDecider hosts;

    public RunLoop(RunObserver observer, DecisionEngine engine, DecisionExecutor executor, RunState state,
            DatabaseLease lease, FleetMetrics metrics, Resurveyor resurveyor, DecisionLog log, UnitOfWork unit,
            ReadingHistory history, RunEvents events, FleetMutex mutex, Clock clock) {
        this(observer, engine, executor, state, lease, metrics, resurveyor, log, unit, history, events, mutex, clock, FIRST_RETRY);
    }

    RunLoop(RunObserver observer, DecisionEngine engine, DecisionExecutor executor, RunState state,
            DatabaseLease lease, FleetMetrics metrics, Resurveyor resurveyor, DecisionLog log, UnitOfWork unit,
            ReadingHistory history, RunEvents events, FleetMutex mutex, Clock clock, Duration firstRetry) {
        this.history = requireNonNull(history, "history is null");
        this.events = requireNonNull(events, "events is null");
        this.mutex = requireNonNull(mutex, "mutex is null");
        this.firstRetry = requireNonNull(firstRetry, "firstRetry is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.state = requireNonNull(state, "state is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.resurveyor = requireNonNull(resurveyor, "resurveyor is null");
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.hosts = new HostDecider(new HostByHost(requireNonNull(engine, "engine is null")), state);
    }

    /**
     * Runs cycles until stopped (or one with {@code once}), handing each report to {@code listener}. A cycle
     * that fails as a whole (the database away, say) is logged and reported as a {@link CycleFailure}; the
     * loop then tries again after a {@link Backoff} (doubling from one second up to {@code interval}), and
     * {@link #stop()} ends that wait at once too. Nothing is carried out in a cycle whose start could not
     * renew the lease.
     *
     * @throws LeaseHeldException when another orchestrator holds the lease, or this one lost it
     */
    public void run(RunTarget target, HostSource host, Duration interval, boolean once, CycleListener listener) {
        Backoff backoff = new Backoff(firstRetry, interval);
        try (LeaseKeeper keeper = LeaseKeeper.acquire(lease, "run")) {
            boolean afterFailure = false;
            while (stopped.getCount() > 0) {
                Instant started = clock.instant();
                long t0 = System.nanoTime();
                Duration wait = interval;
                try {
                    keeper.check();
                    if (afterFailure) {
                        resurvey(target);
                    }
                    listener.accept(cycle(target, host, false, keeper::confirmed));
                    afterFailure = false;
                    backoff.reset();
                } catch (LeaseHeldException e) {
                    events.leaseLost(clock.instant(), e.getMessage());
                    throw e;
                } catch (RuntimeException e) {
                    afterFailure = true;
                    wait = once ? Duration.ZERO : backoff.next();
                    CycleFailure failure = new CycleFailure(started, Duration.ofNanos(System.nanoTime() - t0), oneLine(e), wait);
                    events.cycleFailed(started, failure.error());
                    LOG.error("cycle failed: {}{}", failure.error(), once ? "" : "; retrying in " + wait.toMillis() + " ms");
                    listener.failed(failure);
                }
                if (once || stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a failed cycle, re-reads antctl's registries of the spec's containers before deciding again: an
     * action antctl carried out while the database went away (its journal entry left PENDING) is then in
     * the node rows, so it is neither repeated nor left without a row.
     */
    private void resurvey(RunTarget target) {
        Map<String, List<String>> names = new TreeMap<>();
        target.spec().containers().forEach(c -> names.computeIfAbsent(c.host(), h -> new ArrayList<>())
                .add(target.spec().dockerName(c.name())));
        resurveyor.resurvey(names);
        LOG.info("re-read antctl's registries after the failed cycle: {}", names);
    }

    /** The error on one line: antfleet's messages name what failed; anything else also says what it is. */
    static String oneLine(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline).strip();
        if (first.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof AntfleetException ? first : e.getClass().getSimpleName() + ": " + first;
    }

    /** Ends the loop: the wait ends at once, a cycle in progress finishes first. */
    public void stop() {
        stopped.countDown();
    }

    /**
     * One cycle; a dry run writes nothing and carries nothing out. A cycle that acts needs the database
     * lease held by this process, as {@link #run} holds it (a node change without it fails, unchanged).
     */
    public CycleReport cycle(RunTarget target, HostSource host, boolean dryRun) {
        return cycle(target, host, dryRun, () -> true);
    }

    /** One cycle that carries its decisions out only while {@code leaseConfirmed} says the lease is still this run's. */
    CycleReport cycle(RunTarget target, HostSource host, boolean dryRun, BooleanSupplier leaseConfirmed) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        HostSample sample = host.sample();
        Observation seen = observer.observe(target, host.bootTime().orElse(null), state.lastCycleAt().orElse(null), !dryRun);
        List<String> notes = new ArrayList<>(seen.docker().notes());
        notes.addAll(seen.refused());
        seen.refused().forEach(r -> LOG.warn("{}", r));
        AutoscaleSettings settings = target.settings();
        Optional<String> halted = Optional.empty();
        if (settings.targetVersion() != null) {
            halted = state.haltedUpgrade(settings.targetVersion());
            if (halted.isPresent()) {
                notes.add("rolling upgrade to " + settings.targetVersion() + " is halted: " + halted.get()
                        + " (fix the nodes, then apply a spec with another version to resume)");
                settings = settings.withTargetVersion(null);
            }
        }
        HostDecider.Decided decided = hosts.decide(target, seen, sample, host, settings, started);
        Decisions decisions = decided.decisions();
        decisions.list().forEach(d -> LOG.info("decision: {}", d));
        boolean paused = !dryRun && state.paused();
        if (paused) {
            notes.add("autoscaler paused: decisions not carried out (resume it from the dashboard)");
        }
        // the dashboard's node actions in this process (run --serve) wait while the cycle carries out
        Optional<ExecutionReport> done = dryRun || paused ? Optional.empty()
                : Optional.of(mutex.hold(() -> carryOut(started, target, seen, decided, notes, leaseConfirmed)));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Map<String, Map<NodeStatus, Integer>> counts = record(seen, decisions, took);
        if (!dryRun) {
            recordHosts(started, seen, decided.samples(), counts);
            events.cycle(started, seen, sample, target.settings(), halted);
        }
        return new CycleReport(started, took, sample, seen.swept(), seen.answering(), decisions, done, notes, seen.docker(),
                decided.samples());
    }

    /** One history row per host that was measured, with its own containers' nodes (the local host's row always). */
    private void recordHosts(Instant at, Observation seen, Map<String, HostSample> samples,
            Map<String, Map<NodeStatus, Integer>> counts) {
        Map<String, Map<String, Map<NodeStatus, Integer>>> byHost = new TreeMap<>();
        counts.forEach((container, c) -> byHost.computeIfAbsent(seen.hostOf(container), h -> new TreeMap<>()).put(container, c));
        samples.forEach((host, sample) -> history.recordHost(at, host, sample, byHost.getOrDefault(host, Map.of())));
    }

    /**
     * Re-surveys after a host reboot, carries the decisions out while the lease is confirmed, and records
     * the cycle. Without the lease (before or during) the cycle fails and records nothing: it is not this
     * run's to record, and a skipped upgrade is no failed roll; what antctl did is in the journal.
     */
    private ExecutionReport carryOut(Instant started, RunTarget target, Observation seen, HostDecider.Decided decided,
            List<String> notes, BooleanSupplier leaseConfirmed) {
        Decisions decisions = decided.decisions();
        if (seen.state().rebootedSinceLastCycle()) {
            Map<String, List<String>> names = new TreeMap<>();
            seen.containers().values().forEach(c -> names.computeIfAbsent(c.host(), h -> new ArrayList<>()).add(c.name()));
            resurveyor.resurvey(names);
            notes.add("host rebooted since the last cycle: antctl's registries re-surveyed");
        }
        requireLease(leaseConfirmed, "nothing carried out this cycle");
        ExecutionReport report = executor.execute(decisions.list(), seen, target, leaseConfirmed);
        requireLease(leaseConfirmed, "the rest of this cycle's decisions were not carried out");
        report.outcomes().stream().filter(o -> !o.ok())
                .forEach(o -> LOG.warn("failed: {}: {}", o.decision(), o.error().get()));
        bookkeep(started, target, seen, decisions, decided.timers(), report);
        report.haltedRoll().ifPresent(reason -> notes.add("rolling upgrade stopped: " + reason));
        int pruned = history.pruneIfDue(started);
        if (pruned > 0) {
            LOG.info("pruned {} readings older than the retention", pruned);
        }
        return report;
    }

    private static void requireLease(BooleanSupplier leaseConfirmed, String consequence) {
        if (!leaseConfirmed.getAsBoolean()) {
            throw new AntfleetException("the database lease could not be confirmed within its " + LEASE_TTL.toSeconds()
                    + " s; " + consequence);
        }
    }

    /**
     * The cycle's own records — a halted roll, the cooldown timers, the cycle's time, the decisions with their
     * outcomes — in one unit of work: a database gone meanwhile leaves none of them, never timers without
     * the decisions that set them. (What antctl did is already in the journal and the node rows.)
     */
    private void bookkeep(Instant started, RunTarget target, Observation seen, Decisions decisions,
            Map<String, Timers> timers, ExecutionReport report) {
        unit.run(() -> {
            report.haltedRoll().ifPresent(reason -> state.haltUpgrade(String.valueOf(target.settings().targetVersion()), reason));
            timers.forEach(state::saveTimers);
            state.cycleDone(started);
            log.record(records(started, seen, decisions, report));
        });
    }

    private static List<DecisionRecord> records(Instant at, Observation seen, Decisions decisions, ExecutionReport report) {
        List<DecisionRecord> out = new ArrayList<>();
        for (Decision d : decisions.list()) {
            Optional<ExecutionReport.Outcome> outcome = report.outcomes().stream().filter(o -> o.decision() == d).findFirst();
            String result = outcome.isEmpty() ? "NOT_RUN" : outcome.get().ok() ? "DONE" : "FAILED";
            Container row = d.container() == null ? null : seen.containers().get(d.container());
            out.add(new DecisionRecord(null, at, d.action().name(), d.container(), row == null ? null : row.id(),
                    d.services().stream().map(ServiceName::value).toList(), d.action() == Action.ADD ? d.count()
                    : d.services().size(), d.reason(), result, outcome.flatMap(ExecutionReport.Outcome::error).orElse(null)));
        }
        return out;
    }

    private Map<String, Map<NodeStatus, Integer>> record(Observation seen, Decisions decisions, Duration took) {
        Map<String, Map<NodeStatus, Integer>> byContainer = new TreeMap<>();
        seen.nodes().forEach((c, list) -> {
            Map<NodeStatus, Integer> counts = new EnumMap<>(NodeStatus.class);
            list.forEach(n -> counts.merge(n.status(), 1, Integer::sum));
            byContainer.put(c, counts);
        });
        metrics.nodes(byContainer);
        metrics.decisions(decisions.list());
        metrics.cycle(took);
        return byContainer;
    }
}
