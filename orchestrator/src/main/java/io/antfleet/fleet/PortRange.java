package io.antfleet.fleet;

/** An inclusive range of ports, {@code first..last}; a container's block for one kind of port. */
public record PortRange(int first, int last) {
    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("invalid port range " + first + "-" + last + " (need 1 <= first <= last <= 65535)");
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public int size() {
        return last - first + 1;
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public boolean overlaps(PortRange other) {
        return first <= other.last && other.first <= last;
    }

    /** antctl's syntax: {@code P} for one port, {@code A-B} for a range. */
    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
