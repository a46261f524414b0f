package io.antfleet.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.cli.render.ApplyProgressPrinter;
import io.antfleet.cli.render.ApplyReportRenderer;
import io.antfleet.cli.render.PlanRenderer;
import io.antfleet.config.OutputFormat;
import io.antfleet.config.settings.Settings;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.DockerEngineCheck;
import io.antfleet.docker.DockerSettings;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.fleet.plan.Plan;
import io.antfleet.fleet.spec.FleetSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code antfleet apply FILE [--dry-run] [--prune] [--check]}: validate the spec (exit 2 on problems, nothing
 * touched), observe, plan, and print the plan or run it (exit 1 when a container failed).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Makes every host of a fleet spec match it (each through its own Docker engine): creates containers,"
                + " adds, starts, stops and removes nodes.")
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand root;

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "FILE", description = "The fleet spec (apiVersion: antfleet/v1).")
    Path file;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--prune", description = "Also remove fleet containers that are not in the spec (their nodes first).")
    boolean prune;

    @Option(names = "--check", description = "Only validate: the spec, and whether each host's Docker engine answers"
            + " (with its TLS files). Changes nothing; exit 2 on any problem.")
    boolean check;

    @picocli.CommandLine.Mixin
    HostOption host;

    private final Provider<ApplyService> applyService;
    private final Provider<SpecLoader> specLoader;
    private final Provider<Settings> settings;
    private final Provider<DockerSettings> docker;

    @Inject
    ApplyCommand(Provider<ApplyService> applyService, Provider<SpecLoader> specLoader, Provider<Settings> settings,
            Provider<DockerSettings> docker) {
        this.specLoader = specLoader;
        this.settings = settings;
        this.applyService = applyService;
        this.docker = docker;
    }

    @Override
    public Integer call() {
        IgnoredSettings.warn(settingsOrSpecProblem(), command.commandLine().getErr());
        if (check) {
            FleetSpec spec = specLoader.get().load(file, new DockerEngineCheck(docker.get()));
            command.commandLine().getOut().println(file + ": valid; every host's engine answers (" + spec.hosts().size()
                    + " besides the local one)");
            return ExitCodes.OK;
        }
        FleetSpec spec = specLoader.get().load(file);
        ApplyService service = applyService.get();
        boolean json = root.globalOptions().output() == OutputFormat.JSON;
        java.io.PrintWriter out = command.commandLine().getOut();
        if (dryRun) {
            io.antfleet.engine.apply.HostPlans plans = service.plan(spec, prune, host.value());
            Plan plan = plans.combined();
            out.print(json ? PlanRenderer.json(plan, plans.hosts()) : PlanRenderer.human(plan, plans.hosts()));
            plans.unreachable().forEach(p -> command.commandLine().getErr().println("antfleet: " + p.message()
                    + "; nothing was planned there"));
            out.flush();
            return plans.unreachable().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
        ApplyReport report;
        try (ApplyProgressPrinter progress = new ApplyProgressPrinter(command.commandLine().getErr(), System.console() != null)) {
            report = service.apply(spec, prune, progress, host.value());
        }
        out.print(json ? ApplyReportRenderer.json(report) : ApplyReportRenderer.human(report));
        out.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * The settings, which the database's machine settings are part of. When the database cannot be read (down, a
     * newer schema, a bad URL), a problem in the spec itself is still reported first, with its exit code 2: the
     * operator fixes the file they just edited, not a store problem that hid it. The spec is read here with wnm's
     * defaults, which only fill keys it leaves out.
     */
    private Settings settingsOrSpecProblem() {
        try {
            return settings.get();
        } catch (RuntimeException storeProblem) {
            new SpecLoader().load(file);
            throw storeProblem;
        }
    }
}
