package io.antfleet.standin;

import java.util.ArrayList;
import java.util.List;

/** A {@code --node-port}-style value: one port or an ascending range {@code A-B} (A strictly below B). */
record PortArgument(int start, int end) {
    PortArgument {
        if (start < 0 || end > 65535 || start > end) {
            throw new IllegalArgumentException("End port must be greater than start port");
        }
    }

    static PortArgument parse(String text) {
        if (text.matches("\\d+")) {
            int port = parsePort(text);
            return new PortArgument(port, port);
        }
        String[] parts = text.split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Port range must be in the format 'start-end'");
        }
        int start = parsePort(parts[0]);
        int end = parsePort(parts[1]);
        if (start >= end) {
            throw new IllegalArgumentException("End port must be greater than start port");
        }
        return new PortArgument(start, end);
    }

    private static int parsePort(String text) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException(text.isEmpty() ? "cannot parse integer from empty string"
                    : text.matches("\\d+") ? "number too large to fit in target type" : "invalid digit found in string");
        }
        return Integer.parseInt(text);
    }

    int size() {
        return end - start + 1;
    }

    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (int p = start; p <= end; p++) {
            ports.add(p);
        }
        return ports;
    }

    /** The real tool's count rule: a single port needs count 1, a range needs count equal to its size. */
    void requireCount(int count) {
        if (count != size()) {
            throw new Failure("The count (" + count + ") does not match the number of ports (" + size() + ")");
        }
    }
}
