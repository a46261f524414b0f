package io.antfleet.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.cli.render.DecisionRenderer;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.settings.Settings;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.run.CycleFailure;
import io.antfleet.engine.run.CycleListener;
import io.antfleet.engine.run.CycleReport;
import io.antfleet.engine.run.FleetAdoption;
import io.antfleet.engine.run.HostSource;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunState;
import io.antfleet.engine.run.RunTarget;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.metrics.FleetMetricsServer;
import io.antfleet.metrics.HostSampleJson;
import io.antfleet.metrics.HostSampler;
import io.antfleet.metrics.OshiHostCounters;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code antfleet run [FILE] [--once] [--interval 60s] [--dry-run] [--assume-host FILE] [--metrics-listen
 * HOST:PORT]}: with FILE its spec is applied first and its autoscale section used; without, the spec run
 * applied last. Then the loop until SIGTERM. A dry run decides once and prints, changing nothing.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Autoscales the fleet: sample the host, sweep node metrics, decide, act, repeat.")
final class RunCommand implements Callable<Integer> {
    /** How long SIGTERM waits for the cycle in progress (antctl calls are bounded; most cycles take seconds). */
    private static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);

    @ParentCommand
    AntfleetCommand root;

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The fleet spec; default: the one run applied last.")
    Path file;

    @Mixin
    HostOption only;

    @Option(names = "--once", description = "Run one cycle, then exit (1 when it or an action in it failed).")
    boolean once;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Time between cycles, e.g. 60s, 5m (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--dry-run", description = "Decide once and print the decisions with their reasons; change nothing.")
    boolean dryRun;

    @Option(names = "--assume-host", paramLabel = "FILE",
            description = "Decide against this JSON host sample (cpu, mem, disk, load1/5/15, byte rates) instead of the measured one.")
    Path assumeHost;

    @Option(names = "--metrics-listen", paramLabel = "HOST:PORT",
            description = "Serve antfleet's own metrics for Prometheus at http://HOST:PORT/metrics.")
    String metricsListen;

    @Option(names = "--serve", paramLabel = "HOST:PORT", arity = "0..1", fallbackValue = io.antfleet.serve.ListenAddress.DEFAULT,
            description = "Serve the dashboard from this process too (default address ${FALLBACK-VALUE}); "
                    + "the way to have it on the embedded database. See antfleet serve --help.")
    String serve;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "With --serve: PEM certificate chain, serve HTTPS.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "With --serve: PEM PKCS#8 key of --tls-cert.")
    Path tlsKey;

    private final Provider<RunState> state;
    private final Provider<SpecLoader> specLoader;
    private final Provider<Settings> settings;
    private final Provider<ApplyService> applyService;
    private final Provider<FleetAdoption> adoption;
    private final Provider<RunLoop> loop;
    private final Provider<HostSampleJson> hostSampleJson;
    private final Provider<OshiHostCounters> hostCounters;
    private final Provider<Clock> clock;
    private final Provider<FleetMetrics> fleetMetrics;
    private final Provider<io.antfleet.serve.Dashboard> dashboard;
    private final Provider<io.antfleet.engine.run.RunEvents> runEvents;
    private final Provider<io.antfleet.fleet.plan.FleetPlanner> planner;

    @Inject
    RunCommand(Provider<RunState> state, Provider<ApplyService> applyService, Provider<FleetAdoption> adoption,
            Provider<RunLoop> loop, Provider<HostSampleJson> hostSampleJson, Provider<OshiHostCounters> hostCounters,
            Provider<Clock> clock, Provider<FleetMetrics> fleetMetrics, Provider<io.antfleet.serve.Dashboard> dashboard,
            Provider<io.antfleet.engine.run.RunEvents> runEvents, Provider<io.antfleet.fleet.plan.FleetPlanner> planner,
            Provider<SpecLoader> specLoader, Provider<Settings> settings) {
        this.planner = planner;
        this.specLoader = specLoader;
        this.settings = settings;
        this.dashboard = dashboard;
        this.runEvents = runEvents;
        this.state = state;
        this.applyService = applyService;
        this.adoption = adoption;
        this.loop = loop;
        this.hostSampleJson = hostSampleJson;
        this.hostCounters = hostCounters;
        this.clock = clock;
        this.fleetMetrics = fleetMetrics;
    }

    @Override
    public Integer call() {
        RunState state = this.state.get();
        Path specFile = file != null ? file : state.specPath().orElseThrow(() -> new AntfleetException(
                "no FILE given and no spec was applied by antfleet run before; give the fleet spec"));
        Settings global = settings.get();
        IgnoredSettings.warn(global, command.commandLine().getErr());
        SpecLoader loader = specLoader.get();
        FleetSpec spec = loader.load(specFile);
        planner.get().checkAddresses(spec); // the loop grows containers up to their max: never past max-nodes-per-address
        PrintWriter out = command.commandLine().getOut();
        if (file != null && !dryRun) {
            ApplyReport applied = applyService.get().apply(spec, false, io.antfleet.engine.apply.ApplyProgress.NONE, only.value());
            state.specApplied(file);
            if (!applied.ok()) {
                command.commandLine().getErr().println("antfleet: applying " + file + " failed for some containers; "
                        + "running on what exists");
            }
        }
        if (!dryRun) {
            adoption.get().adopt(spec)
                    .forEach(line -> command.commandLine().getErr().println("antfleet: " + line));
        }
        RunTarget target = RunTarget.of(spec, Runtime.getRuntime().availableProcessors(), global);
        if (only.value().isPresent()) {
            target = target.narrowedTo(only.value().get());
        }
        HostSource host = hostSource();
        RunLoop loop = this.loop.get();
        boolean json = root.globalOptions().output() == OutputFormat.JSON;
        if (dryRun) {
            print(out, loop.cycle(target, host, true), json);
            return ExitCodes.OK;
        }
        io.antfleet.notify.NotifySettings notify = loader.notifySettings(specFile);
        try (io.antfleet.notify.Notifier notifier = notifier(notify);
                FleetMetricsServer server = metricsServer();
                io.antfleet.serve.DashboardServer served = serve == null ? null
                        : ServeCommand.start(this.dashboard, command, serve, tlsCert, tlsKey)) {
            return loop(loop, target, host, out, json);
        }
    }

    private int loop(RunLoop loop, RunTarget target, HostSource host, PrintWriter out, boolean json) {
        PrintWriter err = command.commandLine().getErr();
        AtomicBoolean allOk = new AtomicBoolean(true);
        CountDownLatch finished = new CountDownLatch(1);
        // SIGTERM: end the wait, let the cycle in progress finish and the lease go, then let the JVM stop.
        Thread hook = new Thread(() -> {
            loop.stop();
            try {
                finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // last: the lease is released (by the loop's thread); now the executors, the sweep, Docker's
            // client and the embedded database may close
            root.close();
        }, "antfleet-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            loop.run(target, host, interval, once, new CycleListener() {
                @Override
                public void accept(CycleReport report) {
                    allOk.compareAndSet(true, report.ok());
                    print(out, report, json);
                }

                @Override
                public void failed(CycleFailure failure) {
                    allOk.set(false);
                    print(out, err, failure, json);
                }
            });
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook is running and has just been released
            }
        }
        return !once || allOk.get() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The spec's webhooks get the run's events (examples/prometheus's alerts, as notifications); none: null. */
    private io.antfleet.notify.Notifier notifier(io.antfleet.notify.NotifySettings notify) {
        if (notify.webhooks().isEmpty()) {
            return null;
        }
        io.antfleet.notify.Notifier notifier = new io.antfleet.notify.Notifier(notify, clock.get(),
                io.antfleet.store.ProcessTable.local().hostName());
        runEvents.get().notifyThrough(notifier);
        return notifier;
    }

    private HostSource hostSource() {
        if (assumeHost != null) {
            return HostSource.assumed(hostSampleJson.get().read(assumeHost));
        }
        Path data = Files.isDirectory(Path.of("/var/lib/docker")) ? Path.of("/var/lib/docker") : Path.of("/");
        return HostSource.measured(new HostSampler(hostCounters.get(), clock.get(), List.of(data)));
    }

    private FleetMetricsServer metricsServer() {
        if (metricsListen == null) {
            return null;
        }
        int colon = metricsListen.lastIndexOf(':');
        if (colon <= 0) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--metrics-listen needs HOST:PORT, got '" + metricsListen + "'");
        }
        int port;
        try {
            port = Integer.parseInt(metricsListen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "--metrics-listen port is not a number: '" + metricsListen + "'");
        }
        InetSocketAddress listen = new InetSocketAddress(metricsListen.substring(0, colon), port);
        String warning = FleetMetricsServer.exposureWarning(listen);
        if (warning != null) {
            command.commandLine().getErr().println("antfleet: warning: " + warning);
        }
        return new FleetMetricsServer(listen, fleetMetrics.get());
    }

    /** JSON: one error object in the cycle stream; otherwise one line on stderr, as every antfleet error. */
    private static void print(PrintWriter out, PrintWriter err, CycleFailure failure, boolean json) {
        if (json) {
            out.print(DecisionRenderer.json(failure));
            out.flush();
        } else {
            err.println("antfleet: " + DecisionRenderer.human(failure));
            err.flush();
        }
    }

    private static void print(PrintWriter out, CycleReport report, boolean json) {
        out.print(json ? DecisionRenderer.json(report) : DecisionRenderer.human(report));
        out.flush();
    }

    /** {@code 60s}, {@code 5m}, {@code 1h}, {@code 500ms}, or plain seconds. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return positive(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))), value);
                }
                long n = Long.parseLong(v.replaceAll("[smh]$", ""));
                Duration d = v.endsWith("m") ? Duration.ofMinutes(n) : v.endsWith("h") ? Duration.ofHours(n) : Duration.ofSeconds(n);
                return positive(d, value);
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("not a duration: '" + value + "' (e.g. 60s, 5m, 1h)");
            }
        }

        private static Duration positive(Duration d, String value) {
            if (d.isZero() || d.isNegative()) {
                throw new picocli.CommandLine.TypeConversionException("duration must be positive: '" + value + "'");
            }
            return d;
        }
    }
}
