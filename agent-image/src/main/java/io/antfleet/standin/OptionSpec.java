package io.antfleet.standin;

import java.util.Objects;

/** One flag of a subcommand: its long name, whether it takes a value, may repeat, and how its value is checked. */
record OptionSpec(String name, Type type, boolean repeatable) {
    enum Type { FLAG, TEXT, U8, U16, U64, PORTS, ADDRESS, ENV, LOG_FORMAT, IPV4 }

    OptionSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
    }

    static OptionSpec flag(String name) {
        return new OptionSpec(name, Type.FLAG, false);
    }

    static OptionSpec value(String name, Type type) {
        return new OptionSpec(name, type, false);
    }

    static OptionSpec many(String name, Type type) {
        return new OptionSpec(name, type, true);
    }

    boolean takesValue() {
        return type != Type.FLAG;
    }

    /** clap's rendering of the argument in error messages, e.g. {@code --count <COUNT>}. */
    String display() {
        return takesValue() ? "--" + name + " <" + name.toUpperCase().replace('-', '_') + ">" : "--" + name;
    }

    /** Checks a value the way the real tool's value parser does; returns an error text or null. */
    String check(String value) {
        switch (type) {
            case U8: return unsigned(value, 255); // --network-id: Option<u8> (bin/cli/main.rs)
            case U16: return unsigned(value, 65535);
            case IPV4: return ipv4(value); // --node-ip: Option<Ipv4Addr> (bin/cli/main.rs)
            case U64: return unsigned(value, Long.MAX_VALUE);
            case PORTS:
                try {
                    PortArgument.parse(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            case ADDRESS: return value.matches("0x[0-9a-fA-F]{40}") ? null : "Invalid EVM address";
            case ENV: return value.indexOf('=') > 0 ? null : "Environment variable must be in the format KEY=VALUE";
            case LOG_FORMAT:
                return value.equals("default") || value.equals("json") ? null
                        : "invalid value '" + value + "' [possible values: default, json]";
            default: return null;
        }
    }

    /** Rust's {@code Ipv4Addr::from_str}: four decimal octets, no leading zeros, nothing else. */
    private static String ipv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return "invalid IPv4 address syntax";
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.startsWith("0")) || Integer.parseInt(part) > 255) {
                return "invalid IPv4 address syntax";
            }
        }
        return null;
    }

    private static String unsigned(String value, long max) {
        if (value.isEmpty()) {
            return "cannot parse integer from empty string";
        }
        if (!value.chars().allMatch(Character::isDigit)) {
            return "invalid digit found in string";
        }
        try {
            return Long.parseLong(value) <= max ? null : "number too large to fit in target type";
        } catch (NumberFormatException e) {
            return "number too large to fit in target type";
        }
    }
}
