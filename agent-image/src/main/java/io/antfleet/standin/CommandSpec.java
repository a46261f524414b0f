package io.antfleet.standin;

import static io.antfleet.standin.OptionSpec.Type.ADDRESS;
import static io.antfleet.standin.OptionSpec.Type.ENV;
import static io.antfleet.standin.OptionSpec.Type.LOG_FORMAT;
import static io.antfleet.standin.OptionSpec.Type.PORTS;
import static io.antfleet.standin.OptionSpec.Type.TEXT;
import static io.antfleet.standin.OptionSpec.Type.IPV4;
import static io.antfleet.standin.OptionSpec.Type.U16;
import static io.antfleet.standin.OptionSpec.Type.U64;
import static io.antfleet.standin.OptionSpec.Type.U8;
import static io.antfleet.standin.OptionSpec.flag;
import static io.antfleet.standin.OptionSpec.many;
import static io.antfleet.standin.OptionSpec.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subcommands of antctl 0.14.2 that the stand-in implements, with their flags (contract sections 2 and 3). */
record CommandSpec(String name, String usage, Map<String, OptionSpec> options, List<List<String>> conflicts,
                   boolean takesEvmNetwork) {

    static final List<String> EVM_NETWORKS =
            List.of("evm-arbitrum-one", "evm-arbitrum-sepolia-test", "evm-custom", "evm-local");

    CommandSpec {
        options = Map.copyOf(options);
        conflicts = List.copyOf(conflicts);
    }

    static Optional<CommandSpec> named(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    Optional<OptionSpec> option(String longName) {
        return Optional.ofNullable(options.get(longName));
    }

    private static final List<OptionSpec> SELECTORS = List.of(many("service-name", TEXT), many("peer-id", TEXT));

    private static final Map<String, CommandSpec> ALL = new LinkedHashMap<>();

    static {
        define("add", "antctl add [OPTIONS] --rewards-address <REWARDS_ADDRESS> <COMMAND>", true,
                List.of(List.of("version", "url"), List.of("path", "version"), List.of("path", "url")),
                value("count", U16), value("data-dir-path", TEXT), value("log-dir-path", TEXT), value("path", TEXT),
                value("version", TEXT), value("url", TEXT), value("node-port", PORTS), value("metrics-port", PORTS),
                value("rpc-port", PORTS), value("rpc-address", TEXT), flag("no-upnp"), flag("relay"),
                many("env", ENV), value("user", TEXT), flag("auto-restart"), flag("alpha"),
                value("network-id", U8), value("node-ip", IPV4), value("log-format", LOG_FORMAT),
                value("max-log-files", U64), value("max-archived-log-files", U64), flag("enable-metrics-server"),
                many("peer", TEXT), flag("first"), flag("local"), many("network-contacts-url", TEXT),
                flag("ignore-cache"), flag("write-older-cache-files"), value("rewards-address", ADDRESS));
        defineWithSelectors("balance", "antctl balance [OPTIONS]", List.of());
        defineWithSelectors("remove", "antctl remove [OPTIONS]", List.of(), flag("keep-directories"));
        define("reset", "antctl reset [OPTIONS]", false, List.of(), flag("force"));
        // bin/cli/main.rs: --interval conflicts_with connection_timeout on start and upgrade
        defineWithSelectors("start", "antctl start [OPTIONS]", List.of(List.of("interval", "connection-timeout")),
                value("connection-timeout", U64), value("interval", U64));
        define("status", "antctl status [OPTIONS]", false, List.of(List.of("json", "details")),
                flag("details"), flag("fail"), flag("json"));
        defineWithSelectors("stop", "antctl stop [OPTIONS]", List.of(), value("interval", U64));
        defineWithSelectors("upgrade", "antctl upgrade [OPTIONS]",
                List.of(List.of("version", "url"), List.of("path", "version"), List.of("path", "url"),
                        List.of("interval", "connection-timeout")),
                value("connection-timeout", U64), flag("do-not-start"), flag("force"), many("env", ENV),
                value("path", TEXT), value("interval", U64), value("url", TEXT), value("version", TEXT));
    }

    /** Options of the EVM network subcommands of {@code add}; only evm-custom takes any. */
    static Map<String, OptionSpec> evmOptions(String network) {
        if (!network.equals("evm-custom")) {
            return Map.of();
        }
        return Map.of("rpc-url", value("rpc-url", TEXT),
                "payment-token-address", value("payment-token-address", ADDRESS),
                "data-payments-address", value("data-payments-address", ADDRESS),
                "merkle-payments-address", value("merkle-payments-address", ADDRESS));
    }

    private static void defineWithSelectors(String name, String usage, List<List<String>> conflicts,
                                            OptionSpec... options) {
        List<List<String>> all = new java.util.ArrayList<>(conflicts);
        all.add(List.of("service-name", "peer-id"));
        OptionSpec[] withSelectors = java.util.Arrays.copyOf(options, options.length + SELECTORS.size());
        for (int i = 0; i < SELECTORS.size(); i++) {
            withSelectors[options.length + i] = SELECTORS.get(i);
        }
        define(name, usage, false, all, withSelectors);
    }

    private static void define(String name, String usage, boolean evm, List<List<String>> conflicts,
                               OptionSpec... options) {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        for (OptionSpec o : options) {
            byName.put(o.name(), o);
        }
        ALL.put(name, new CommandSpec(name, usage, byName, conflicts, evm));
    }
}
