package io.antfleet.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.engine.report.ReportFormat;
import io.antfleet.engine.report.ReportKind;
import io.antfleet.engine.report.ReportService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code antfleet report node-status|node-status-details|influx-resources|machine-config|machine-metrics
 * [--output text|json|env|config]}, in wnm's formats ({@code --format} is an alias). A global
 * {@code --output json} before the subcommand picks json too.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "wnm's reports: node-status, node-status-details, influx-resources, machine-config, machine-metrics.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand root;

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "REPORT",
            description = "node-status, node-status-details, influx-resources, machine-config or machine-metrics.")
    String report;

    // Report's format comes with the global -o/--output (text, json, env, config; table means text), before or
    // after the subcommand like every command's; --format is kept as an alias.
    @Option(names = "--format", paramLabel = "FORMAT", description = "An alias of --output: text (default), json, env or config.")
    String format;

    @Option(names = "--container", paramLabel = "NAME", description = "Node reports: only this container.")
    String container;

    @Option(names = "--service", paramLabel = "antnodeN", description = "Node reports: only these services (repeatable).")
    List<String> services = new ArrayList<>();

    private final Provider<ReportService> service;

    @Inject
    ReportCommand(Provider<ReportService> service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        ReportKind kind;
        ReportFormat chosen;
        try {
            kind = ReportKind.parse(report);
            chosen = format(kind);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        String text;
        try {
            text = service.get().report(kind, chosen, Optional.ofNullable(container), services);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        PrintWriter out = command.commandLine().getOut();
        out.println(text);
        out.flush();
        return ExitCodes.OK;
    }

    /** --format, else --output; json without either picks json only where the report has it (influx has not). */
    private ReportFormat format(ReportKind kind) {
        Optional<String> given = Optional.ofNullable(format).or(root::rawOutput);
        if (given.isEmpty() || given.get().equals("table")) {
            return ReportFormat.TEXT;
        }
        if (format == null && given.get().equals("json") && kind == ReportKind.INFLUX_RESOURCES) {
            return ReportFormat.TEXT;
        }
        return ReportFormat.parse(given.get());
    }
}
