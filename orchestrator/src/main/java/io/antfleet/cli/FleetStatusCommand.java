package io.antfleet.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.cli.render.StatusRenderer;
import io.antfleet.config.OutputFormat;
import io.antfleet.engine.status.FleetStatus;
import io.antfleet.engine.status.StatusService;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code antfleet status [--container NAME] [--host NAME]}: every agent container's nodes, as a table or JSON. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the nodes of every antfleet container (antctl status --json in each, readings from the database).")
final class FleetStatusCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand root;

    @Spec
    CommandSpec command;

    @Option(names = "--container", paramLabel = "NAME",
            description = "Only this container (Docker name, spec name, or an id of 12 characters or more).")
    String container;

    @Option(names = "--fleet", paramLabel = "NAME", description = "Only the containers of this fleet (label antfleet.fleet).")
    String fleet;

    @Mixin
    HostOption host;

    private final Provider<StatusService> service;

    @Inject
    FleetStatusCommand(Provider<StatusService> service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        FleetStatus status = service.get().status(Optional.ofNullable(container), Optional.ofNullable(fleet), host.value());
        PrintWriter out = command.commandLine().getOut();
        out.print(root.globalOptions().output() == OutputFormat.JSON ? StatusRenderer.json(status) : StatusRenderer.table(status));
        out.flush();
        // the hosts that answered are shown; one that did not is a partial failure
        return status.unreachable().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
