package io.antfleet.ant;

import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.nodemanager.BinaryChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Argument lists for {@code ant node} (§2.2), built from checked values; never a shell string. */
final class AntArguments {
    private AntArguments() {
    }

    /**
     * {@code node add --json --rewards-address A --count N [--node-port P|A-B] [--path X |
     * --version V] [--env ANT_EVM_NETWORK=…]}. A port range must hold exactly {@code count} ports: a single
     * port with a count above 1 would go to the first node only (§2.2), so it is refused. No metrics port:
     * ant-node parses it and binds nothing (§5.1, §7 #5), so there is nothing to scrape.
     */
    static List<String> add(AddNodesRequest r) {
        List<String> args = new ArrayList<>(List.of("node", "add", "--json", "--rewards-address",
                r.rewardsAddress().toString(), "--count", Integer.toString(r.count())));
        if (r.nodePorts() != null) {
            args.add("--node-port");
            args.add(ports("node", r.nodePorts(), r.count()));
        }
        if (r.binaryPath() != null) {
            args.add("--path");
            args.add(r.binaryPath());
        } else if (r.version() != null) {
            args.add("--version");
            args.add(r.version());
        }
        evmEnv(r.network()).ifPresent(env -> {
            args.add("--env");
            args.add(env);
        });
        return args;
    }

    private static String ports(String what, io.antfleet.fleet.PortRange range, int count) {
        if (range.size() != count) {
            throw new IllegalArgumentException("ant node add needs one " + what + " port per node: " + range + " holds "
                    + range.size() + " for " + count + " node(s)");
        }
        return range.first() + "-" + range.last();
    }

    /**
     * ant-node's network through its environment (§5.2): arbitrum-one is its default (nothing to pass),
     * arbitrum-sepolia through ANT_EVM_NETWORK. Others have no ant-node name: refused.
     */
    static Optional<String> evmEnv(EvmNetwork network) {
        if (network.equals(EvmNetwork.ARBITRUM_ONE)) {
            return Optional.empty();
        }
        if (network.equals(EvmNetwork.ARBITRUM_SEPOLIA_TEST)) {
            return Optional.of("ANT_EVM_NETWORK=arbitrum-sepolia");
        }
        String name = network instanceof EvmNetwork.Named ? ((EvmNetwork.Named) network).network().subcommand() : "custom";
        throw new IllegalArgumentException("network " + name + " has no ant-node equivalent (nodeManager ant knows "
                + "evm-arbitrum-one and evm-arbitrum-sepolia-test)");
    }

    /** A node's data or log directory to delete: an absolute, checked path at least two levels deep. */
    static String nodeDirectory(String dir) {
        String checked = BinaryChecks.absolutePath("node directory", dir);
        if (checked.replaceAll("/+$", "").split("/").length < 3) {
            throw new IllegalArgumentException("refusing to delete '" + dir + "': not a node's directory");
        }
        return checked;
    }
}
