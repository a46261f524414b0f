package io.antfleet.cli;

import io.antfleet.engine.node.NodeService;
import io.antfleet.engine.node.NodeVerb;
import io.antfleet.fleet.ServiceName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code antfleet node start|stop|restart|remove|disable --container NAME [--service antnodeN ...] [--count N]}.
 * {@code add} and {@code upgrade} are not here yet: apply adds nodes from the spec.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Forced node actions in one container: start, stop, restart, remove, disable (by --service or --count).")
final class NodeCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand root;

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop, restart, remove or disable.")
    String action;

    @Option(names = "--container", required = true, paramLabel = "NAME", description = "Docker name, id or spec name.")
    String container;

    @Option(names = "--service", paramLabel = "antnodeN", description = "A node to act on (repeatable).")
    List<String> services = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", description = "How many nodes to choose when no --service is given (default 1).")
    int count = 1;

    @Override
    public Integer call() {
        NodeVerb verb;
        try {
            verb = NodeVerb.valueOf(action.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "unknown node action '" + action + "' (expected start, stop, restart, remove or disable)");
        }
        List<ServiceName> names;
        try {
            names = services.stream().map(ServiceName::of).collect(Collectors.toList());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        List<ServiceName> done = root.injector().getInstance(NodeService.class).run(verb, container, names, count);
        command.commandLine().getOut().println(action.toLowerCase(java.util.Locale.ROOT) + ": "
                + done.stream().map(ServiceName::value).collect(Collectors.joining(", ")));
        command.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
