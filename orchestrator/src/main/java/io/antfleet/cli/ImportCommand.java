package io.antfleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.config.OutputFormat;
import io.antfleet.engine.ImportReport;
import io.antfleet.engine.ImportService;
import io.antfleet.fleet.ProcessManager;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code antfleet import}: records the nodes antctl already runs in agent containers. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports existing antctl nodes: runs `antctl status --json` in every container labelled "
                + "antfleet.fleet (or in the containers named with --container, labelled or not) and records "
                + "the containers and their nodes. Re-importing updates the records and never duplicates them."})
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--container", paramLabel = "NAME|ID",
            description = "Import this container (repeatable). Default: every container labelled antfleet.fleet. A name"
                    + " that containers on two hosts have is refused (exit 2, the other names still import): add --host.")
    List<String> containers = new ArrayList<>();

    @Option(names = "--process-manager", paramLabel = "MODE", converter = ProcessManagerConverter.class,
            description = "antctl+user (antctl as the image's non-root user), antctl+sudo (as root, the "
                    + "system-wide registry) or ant (the ant node daemon of Autonomi v2, see docs/v2.md), for containers "
                    + "without an antfleet.process-manager label. "
                    + "Default: the mode already recorded for the container, else antctl+sudo. Never guessed.")
    ProcessManager processManager;

    @Mixin
    HostOption host;

    private final Provider<ImportService> importService;

    @Inject
    ImportCommand(Provider<ImportService> importService) {
        this.importService = importService;
    }

    @Override
    public Integer call() {
        ImportService service = importService.get();
        ImportReport report = service.importContainers(containers, Optional.ofNullable(processManager), host.value());
        PrintWriter out = spec.commandLine().getOut();
        if (parent.globalOptions().output() == OutputFormat.JSON) {
            out.println(json(report));
        } else {
            ImportTable.print(report, out, spec.commandLine().getErr());
        }
        out.flush();
        // a name several hosts have is a usage error, as for status and node (exit 2); the other names were imported
        if (!report.ambiguous().isEmpty()) {
            return ExitCodes.USAGE;
        }
        return report.allSucceeded() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String json(ImportReport report) {
        try {
            SimpleModule labels = new SimpleModule().addSerializer(ProcessManager.class, ToStringSerializer.instance);
            return new ObjectMapper().registerModule(labels).enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the import report as JSON", e);
        }
    }
}
