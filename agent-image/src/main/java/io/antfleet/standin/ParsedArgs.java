package io.antfleet.standin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A parsed antctl command line: the subcommand, its option values, and for add the EVM network and its options. */
record ParsedArgs(String command, Map<String, List<String>> options, String evmNetwork,
                  Map<String, List<String>> evmOptions) {
    ParsedArgs {
        Objects.requireNonNull(command, "command is null");
        options = Map.copyOf(options);
        evmOptions = Map.copyOf(evmOptions);
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    long number(String name, long fallback) {
        return value(name).map(Long::parseLong).orElse(fallback);
    }

    Optional<String> evmValue(String name) {
        List<String> values = evmOptions.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }
}
