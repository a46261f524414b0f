package io.antfleet.config.spec;

import io.antfleet.fleet.ArgumentRules;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.Redaction;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.AntnodeSource;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.fleet.spec.RewardsAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings a fleet gives all its containers and a container may override: image, nodeManager
 * ({@code antctl} or {@code ant}), processManager (antctl's registry), rewardsAddress, network, noUpnp,
 * antnode. Each is empty when absent or invalid (the problem recorded).
 */
record NodeSettings(Optional<String> image, Optional<String> nodeManager, Optional<ProcessManager> processManager,
        Optional<RewardsAddress> rewardsAddress, Optional<EvmNetwork> network, Optional<Boolean> noUpnp,
        Optional<AntnodeSource> antnode) {

    static final List<String> NODE_MANAGERS = List.of("antctl", "ant");
    static final List<String> KEYS = List.of("image", "nodeManager", "processManager", "rewardsAddress", "network", "noUpnp", "antnode",
            "selfUpgrade", "stopOnUpgrade");
    /**
     * Why a node cannot be kept off its self-upgrade (docs/antctl.md "Self-upgrade"): antnode 0.4.17 starts the
     * check for every node, whatever its flags, and replaces its binary before it stops or restarts;
     * {@code --stop-on-upgrade} only chooses exiting (for the service manager to restart it) over respawning.
     */
    static final String SELF_UPGRADE_ALWAYS_ON = "the nodes' self-upgrade cannot be turned off: antnode 0.4.x checks "
            + "for a new release about every 72 h and replaces its own binary whatever it was started with (ant-node "
            + "src/bin/antnode/main.rs:491-545, src/bin/antnode/upgrade/mod.rs:563), and ant-node's is always on "
            + "(ant-v2-contract.md §5.4); --stop-on-upgrade, which antctl 0.14.2 and the ant daemon already pass to every "
            + "node (ant-service-management src/node/mod.rs:117-119), only makes the node exit after replacing itself, "
            + "and its service (Restart=on-success) starts the new binary. antfleet records such an upgrade and never "
            + "downgrades it; see docs/antctl.md";
    private static final List<String> CUSTOM_KEYS = List.of("rpcUrl", "paymentTokenAddress", "dataPaymentsAddress", "merklePaymentsAddress");

    static NodeSettings read(NodeReader r, YamlNode.Mapping m, String path) {
        r.field(m, "selfUpgrade").ifPresent(n -> r.bool(n, NodeReader.join(path, "selfUpgrade"))
                .filter(on -> !on).ifPresent(off -> r.problem(n, NodeReader.join(path, "selfUpgrade"),
                        "false is not possible: " + SELF_UPGRADE_ALWAYS_ON)));
        r.field(m, "stopOnUpgrade").ifPresent(n -> r.problem(n, NodeReader.join(path, "stopOnUpgrade"),
                "not an antfleet setting: every node already runs with --stop-on-upgrade, and it does not keep a node "
                        + "on antfleet's version: " + SELF_UPGRADE_ALWAYS_ON));
        return new NodeSettings(
                r.field(m, "image").flatMap(n -> r.text(n, NodeReader.join(path, "image"))),
                r.field(m, "nodeManager").flatMap(n -> nodeManager(r, n, NodeReader.join(path, "nodeManager"))),
                r.field(m, "processManager").flatMap(n -> r.converted(n, NodeReader.join(path, "processManager"), NodeSettings::antctlMode)),
                r.field(m, "rewardsAddress").flatMap(n -> r.converted(n, NodeReader.join(path, "rewardsAddress"), RewardsAddress::parse)),
                r.field(m, "network").flatMap(n -> network(r, n, NodeReader.join(path, "network"))),
                r.field(m, "noUpnp").flatMap(n -> r.bool(n, NodeReader.join(path, "noUpnp"))),
                r.field(m, "antnode").flatMap(n -> antnode(r, n, NodeReader.join(path, "antnode"))));
    }

    /** These settings, with the fleet's wherever this has none. */
    NodeSettings orElse(NodeSettings fleet) {
        return new NodeSettings(image.or(fleet::image), nodeManager.or(fleet::nodeManager),
                processManager.or(fleet::processManager),
                rewardsAddress.or(fleet::rewardsAddress), network.or(fleet::network), noUpnp.or(fleet::noUpnp),
                antnode.or(fleet::antnode));
    }

    /** Who owns the nodes: {@code ant} is the ant node daemon, else antctl in its processManager's registry. */
    Optional<ProcessManager> mode() {
        if (nodeManager.isPresent() && nodeManager.get().equals("ant")) {
            return Optional.of(ProcessManager.ANT);
        }
        return nodeManager.isEmpty() ? Optional.empty() : processManager;
    }

    /** antctl's registry; {@code ant} is chosen by nodeManager, so that one key says who owns the nodes. */
    /**
     * antctl's user mode needs systemd user services: under OpenRC, which the production agent image runs,
     * antctl refuses every node ("OpenRC does not support user-level services", ant-service-management
     * src/control.rs:479). A spec that asks for it is refused here, before apply creates any container.
     */
    private static ProcessManager antctlMode(String label) {
        if (label.equals(ProcessManager.ANT.label())) {
            throw new IllegalArgumentException("processManager chooses antctl's registry (antctl+user or antctl+sudo); "
                    + "for ant write nodeManager: ant");
        }
        ProcessManager pm;
        try {
            pm = ProcessManager.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown process manager '" + label + "' (expected one of antctl+user, antctl+sudo)");
        }
        if (pm == ProcessManager.ANTCTL_USER) {
            throw new IllegalArgumentException("antctl+user is not supported: antctl's user mode needs systemd user "
                    + "services, and the agent images run OpenRC, which refuses user-level services; use antctl+sudo");
        }
        return pm;
    }

    private static Optional<String> nodeManager(NodeReader r, YamlNode node, String path) {
        return r.text(node, path).flatMap(name -> {
            if (NODE_MANAGERS.contains(name)) {
                return Optional.of(name);
            }
            String hint = DidYouMean.suggest(name, NODE_MANAGERS).map(s -> "did you mean '" + s + "'? ").orElse("");
            r.problem(node, path, "unknown nodeManager '" + name + "' (" + hint + "expected antctl or ant)");
            return Optional.empty();
        });
    }

    private static Optional<EvmNetwork> network(NodeReader r, YamlNode node, String path) {
        if (node instanceof YamlNode.Mapping) {
            return r.mapping(node, path, List.of("custom"))
                    .flatMap(m -> r.required(m, "custom", path))
                    .flatMap(c -> custom(r, c, path + ".custom"));
        }
        return r.text(node, path).flatMap(name -> {
            Optional<EvmNetwork.Known> known = EvmNetwork.Known.fromSubcommand(name);
            if (known.isEmpty()) {
                String hint = DidYouMean.suggest(name, EvmNetwork.Known.subcommands()).map(s -> "did you mean '" + s + "'? ")
                        .orElse("");
                r.problem(node, path, "unknown network '" + name + "' (" + hint + "expected one of "
                        + String.join(", ", EvmNetwork.Known.subcommands()) + ", or {custom: {rpcUrl, paymentTokenAddress, dataPaymentsAddress}})");
            }
            return known.map(EvmNetwork.Named::new);
        });
    }

    private static Optional<EvmNetwork> custom(NodeReader r, YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, CUSTOM_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> rpcUrl = r.required(m.get(), "rpcUrl", path).flatMap(n -> r.converted(n, path + ".rpcUrl", NodeSettings::url));
        Optional<WalletAddress> token = address(r, m.get(), path, "paymentTokenAddress", true);
        Optional<WalletAddress> data = address(r, m.get(), path, "dataPaymentsAddress", true);
        Optional<WalletAddress> merkle = address(r, m.get(), path, "merklePaymentsAddress", false);
        boolean merkleBroken = m.get().fields().containsKey("merklePaymentsAddress") && merkle.isEmpty();
        if (rpcUrl.isEmpty() || token.isEmpty() || data.isEmpty() || merkleBroken) {
            return Optional.empty();
        }
        return Optional.of(new EvmNetwork.Custom(rpcUrl.get(), token.get(), data.get(), merkle));
    }

    private static Optional<WalletAddress> address(NodeReader r, YamlNode.Mapping m, String path, String key, boolean required) {
        Optional<YamlNode> node = required ? r.required(m, key, path) : r.field(m, key);
        return node.flatMap(n -> r.converted(n, path + "." + key, WalletAddress::new));
    }

    private static String url(String text) {
        if (!text.matches("https?://\\S+")) {
            throw new IllegalArgumentException("invalid rpc url '" + Redaction.url(text) + "' (expected http:// or https://)");
        }
        if (!ArgumentRules.isUrl(text)) {
            // the URL itself is not repeated: it often carries an API key
            throw new IllegalArgumentException("invalid rpc url: letters, digits and ._~:/?#@&+,=%- only after http(s)://");
        }
        return text;
    }

    private static Optional<AntnodeSource> antnode(NodeReader r, YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, List.of("version", "path"));
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = m.get().fields().keySet();
        if (keys.contains("version") && keys.contains("path")) {
            r.problem(node, path, "give either version or path, not both");
            return Optional.empty();
        }
        if (keys.contains("path")) {
            return r.field(m.get(), "path").flatMap(n -> r.converted(n, path + ".path", AntnodeSource.Path::new));
        }
        if (keys.contains("version")) {
            return r.field(m.get(), "version").flatMap(n -> r.converted(n, path + ".version", AntnodeSource.Version::new));
        }
        r.problem(node, path, "expected {version: X.Y.Z} or {path: /abs/antnode}");
        return Optional.empty();
    }
}
