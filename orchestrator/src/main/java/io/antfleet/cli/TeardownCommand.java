package io.antfleet.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.cli.render.HostNames;
import io.antfleet.engine.teardown.TeardownService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code antfleet teardown [--container NAME] --confirm [--remove-containers]}. */
@Command(name = "teardown", mixinStandardHelpOptions = true,
        description = "Stops and removes every node (antctl reset --force; ant node stop + reset for nodeManager ant) in the antfleet containers; with "
                + "--remove-containers the containers go too. Needs --confirm.")
final class TeardownCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand root;

    @Spec
    CommandSpec command;

    @Option(names = "--container", paramLabel = "NAME",
            description = "Only this container: its Docker name, spec name, or an id of 12 characters or more matching"
                    + " one container. An empty or ambiguous value is refused (exit 2) and nothing is touched.")
    String container;

    @Option(names = "--fleet", paramLabel = "NAME", description = "Only the containers of this fleet (label antfleet.fleet).")
    String fleet;

    @Option(names = "--confirm", description = "Required: teardown deletes nodes and their data.")
    boolean confirm;

    @Option(names = "--remove-containers", description = "Also remove the containers (and their anonymous volumes).")
    boolean removeContainers;

    @Mixin
    HostOption host;

    private final Provider<TeardownService> service;

    @Inject
    TeardownCommand(Provider<TeardownService> service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        if (!confirm) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "teardown deletes every node and its data: add --confirm to go ahead");
        }
        TeardownService.Report report = service.get()
                .teardown(Optional.ofNullable(fleet), Optional.ofNullable(container), removeContainers, host.value());
        List<TeardownService.Outcome> outcomes = report.outcomes();
        PrintWriter out = command.commandLine().getOut();
        boolean ok = report.unreachable().isEmpty();
        for (TeardownService.Outcome o : outcomes) {
            String name = HostNames.qualified(o.container(), o.host());
            if (o.error().isPresent()) {
                ok = false;
                out.println(name + ": FAILED: " + o.error().get());
            } else {
                out.println(name + ": reset, " + o.nodesRemoved() + " node row(s) deleted"
                        + (o.containerRemoved() ? ", container removed" : ""));
            }
        }
        report.unreachable().forEach(p -> out.println(p.host() + ": FAILED: " + p.message() + "; nothing was done there"));
        if (outcomes.isEmpty() && report.unreachable().isEmpty()) {
            out.println("No antfleet containers.");
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
