package io.antfleet.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a subcommand's arguments with clap's rules as antctl uses them: long flags with a separate or
 * {@code =} value, a single-valued flag given twice is an error, unknown flags are an error, conflicting
 * flags are an error, and add's EVM network is a trailing subcommand after which add's flags are unknown.
 */
final class ArgParser {
    private ArgParser() {
    }

    static ParsedArgs parse(CommandSpec spec, List<String> args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        int i = parseOptions(spec.options(), spec.usage(), args, 0, options, spec.takesEvmNetwork());
        String evm = null;
        Map<String, List<String>> evmOptions = new LinkedHashMap<>();
        if (i < args.size()) {
            String token = args.get(i);
            if (!spec.takesEvmNetwork()) {
                throw new UsageException("unexpected argument '" + token + "' found", spec.usage());
            }
            if (!CommandSpec.EVM_NETWORKS.contains(token)) {
                throw new UsageException("unrecognized subcommand '" + token + "'", spec.usage());
            }
            evm = token;
            String evmUsage = "antctl add --rewards-address <REWARDS_ADDRESS> " + token
                    + (token.equals("evm-custom") ? " [OPTIONS] --rpc-url <RPC_URL> --payment-token-address"
                    + " <PAYMENT_TOKEN_ADDRESS> --data-payments-address <DATA_PAYMENTS_ADDRESS>" : "");
            int end = parseOptions(CommandSpec.evmOptions(token), evmUsage, args, i + 1, evmOptions, false);
            if (end < args.size()) {
                throw new UsageException("unexpected argument '" + args.get(end) + "' found", evmUsage);
            }
            requireCustomOptions(token, evmOptions, evmUsage);
        }
        checkConflicts(spec, options);
        if (spec.takesEvmNetwork()) {
            if (!options.containsKey("rewards-address")) {
                throw new UsageException("the following required arguments were not provided:\n"
                        + "  --rewards-address <REWARDS_ADDRESS>", spec.usage());
            }
            if (evm == null) {
                throw new UsageException("'antctl " + spec.name() + "' requires a subcommand but one was not provided\n"
                        + "  [subcommands: " + String.join(", ", CommandSpec.EVM_NETWORKS) + ", help]", spec.usage());
            }
        }
        return new ParsedArgs(spec.name(), options, evm, evmOptions);
    }

    /** Returns the index of the first positional token (or the end). */
    private static int parseOptions(Map<String, OptionSpec> specs, String usage, List<String> args, int from,
                                    Map<String, List<String>> into, boolean stopAtPositional) {
        int i = from;
        while (i < args.size()) {
            String token = args.get(i);
            if (!token.startsWith("-") || token.equals("-")) {
                return i;
            }
            String name;
            String inline = null;
            if (token.equals("-f") && specs.containsKey("force")) {
                name = "force";
            } else if (token.startsWith("--") && token.length() > 2) {
                int eq = token.indexOf('=');
                name = eq < 0 ? token.substring(2) : token.substring(2, eq);
                inline = eq < 0 ? null : token.substring(eq + 1);
            } else {
                throw new UsageException("unexpected argument '" + token + "' found", usage);
            }
            OptionSpec option = specs.get(name);
            if (option == null) {
                throw new UsageException("unexpected argument '--" + name + "' found\n\n  tip: to pass '--" + name
                        + "' as a value, use '-- --" + name + "'", usage);
            }
            i = take(option, inline, usage, args, i, into);
        }
        return i;
    }

    private static int take(OptionSpec option, String inline, String usage, List<String> args, int i,
                            Map<String, List<String>> into) {
        if (into.containsKey(option.name()) && !option.repeatable()) {
            throw new UsageException("the argument '" + option.display() + "' cannot be used multiple times", usage);
        }
        String value;
        int next = i + 1;
        if (!option.takesValue()) {
            if (inline != null) {
                throw new UsageException("unexpected value '" + inline + "' for '" + option.display() + "' found; "
                        + "no more were expected", usage);
            }
            value = "true";
        } else if (inline != null) {
            value = inline;
        } else if (next < args.size() && !args.get(next).startsWith("--")) {
            value = args.get(next);
            next++;
        } else {
            throw new UsageException("a value is required for '" + option.display() + "' but none was supplied",
                    usage);
        }
        String problem = option.takesValue() ? option.check(value) : null;
        if (problem != null) {
            throw new UsageException("invalid value '" + value + "' for '" + option.display() + "': " + problem, usage);
        }
        into.computeIfAbsent(option.name(), k -> new ArrayList<>()).add(value);
        return next;
    }

    private static void checkConflicts(CommandSpec spec, Map<String, List<String>> options) {
        for (List<String> pair : spec.conflicts()) {
            if (options.containsKey(pair.get(0)) && options.containsKey(pair.get(1))) {
                throw new UsageException("the argument '" + spec.options().get(pair.get(0)).display()
                        + "' cannot be used with '" + spec.options().get(pair.get(1)).display() + "'", spec.usage());
            }
        }
    }

    private static void requireCustomOptions(String network, Map<String, List<String>> options, String usage) {
        if (!network.equals("evm-custom")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("rpc-url", "payment-token-address", "data-payments-address")) {
            if (!options.containsKey(required)) {
                missing.add("  " + CommandSpec.evmOptions(network).get(required).display());
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("the following required arguments were not provided:\n"
                    + String.join("\n", missing), usage);
        }
    }
}
