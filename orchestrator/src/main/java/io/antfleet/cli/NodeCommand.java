package io.antfleet.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.engine.node.AddOptions;
import io.antfleet.engine.node.NodeService;
import io.antfleet.engine.node.NodeVerb;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.UpgradeNodesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code antfleet node add|start|stop|restart|upgrade|remove|disable --container NAME [--service antnodeN ...] [--count N]}.
 * No standard {@code --version} here: it is the antnode version of add and upgrade.
 */
@Command(name = "node",
        description = "Forced node actions in one container: add, start, stop, restart, upgrade, remove, disable (by --service or --count).")
final class NodeCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand root;

    @Spec
    CommandSpec command;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "ACTION", description = "add, start, stop, restart, upgrade, remove or disable.")
    String action;

    @Option(names = "--container", required = true, paramLabel = "NAME",
            description = "Docker name, spec name, or an id of 12 characters or more.")
    String container;

    @Option(names = "--fleet", paramLabel = "NAME", description = "The fleet of --container, when its name is in several fleets.")
    String fleet;

    @Option(names = "--service", paramLabel = "SERVICE", description = "A node to act on: antnodeN (antctl) or nodeN (ant) (repeatable).")
    List<String> services = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", description = "add: how many nodes to add; others: how many to choose when no --service is given (default 1).")
    int count = 1;

    @Option(names = "--rewards-address", paramLabel = "0x...", description = "add: the wallet (default: the youngest node's).")
    String rewardsAddress;

    @Option(names = "--network", paramLabel = "NAME", description = "add: evm-arbitrum-one (default), evm-arbitrum-sepolia-test or evm-local.")
    String network = "evm-arbitrum-one";

    @Option(names = "--no-upnp", description = "add: start the new nodes with --no-upnp.")
    boolean noUpnp;

    @Option(names = "--version", paramLabel = "X", description = "add, upgrade: the antnode version (default: latest).")
    String version;

    @Option(names = "--path", paramLabel = "P", description = "add, upgrade: an antnode binary inside the container.")
    String path;

    @Mixin
    HostOption host;

    /** The host of the container acted on, once located (local unless --fleet or --host asked for a lookup). */
    private String where = io.antfleet.fleet.spec.HostSpec.LOCAL;

    private final Provider<NodeService> nodeService;

    @Inject
    NodeCommand(Provider<NodeService> nodeService) {
        this.nodeService = nodeService;
    }

    @Override
    public Integer call() {
        // found across the hosts (or on the one named); narrowed by --fleet or --host, the actions below take its id
        io.antfleet.docker.ContainerInfo found = service().locate(container, Optional.ofNullable(fleet), host.value());
        if (fleet != null || host.value().isPresent()) {
            container = found.id();
        }
        where = found.host();
        if ("add".equalsIgnoreCase(action)) {
            return report(service().add(container, addOptions()));
        }
        if ((version != null || path != null) && !"upgrade".equalsIgnoreCase(action)) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), "--version and --path are for add and upgrade only");
        }
        NodeVerb verb;
        try {
            verb = NodeVerb.valueOf(action.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(),
                    "unknown node action '" + action + "' (expected add, start, stop, restart, upgrade, remove or disable)");
        }
        List<ServiceName> names;
        try {
            names = services.stream().map(ServiceName::of).collect(Collectors.toList());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        if (verb == NodeVerb.UPGRADE) {
            if (service().upgradesItself(container)) {
                throw new picocli.CommandLine.ParameterException(command.commandLine(), "the nodes of " + container
                        + " run under nodeManager ant: ant-node upgrades itself (hourly check, staged roll-out) and the "
                        + "ant daemon restarts it; antfleet records the new version and does not upgrade these nodes");
            }
            try {
                // The request's own checks (an absolute path, a version, not both), before the lease is taken.
                new UpgradeNodesRequest(List.of(ServiceName.of("antnode1")), path, version);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(command.commandLine(), e.getMessage());
            }
            return report(service().upgrade(container, names, count, version, path));
        }
        return report(service().run(verb, container, names, count));
    }

    private NodeService service() {
        return nodeService.get();
    }

    private AddOptions addOptions() {
        if (!services.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), "node add takes --count, not --service");
        }
        try {
            return new AddOptions(count, Optional.ofNullable(rewardsAddress).map(WalletAddress::new),
                    EvmNetwork.named(network), version, path, noUpnp);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
    }

    private int report(List<ServiceName> done) {
        command.commandLine().getOut().println(action.toLowerCase(java.util.Locale.ROOT)
                + (io.antfleet.fleet.spec.HostSpec.LOCAL.equals(where) ? "" : " on host " + where) + ": "
                + done.stream().map(ServiceName::value).collect(Collectors.joining(", ")));
        command.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
