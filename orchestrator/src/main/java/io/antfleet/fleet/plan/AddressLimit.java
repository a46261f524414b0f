package io.antfleet.fleet.plan;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many Autonomi v2 nodes antfleet places behind one public address (the setting
 * {@code max-nodes-per-address}). The v2 network refuses more from one address: saorsa-core's
 * {@code IPDiversityConfig} default was {@code max_per_ip_cap: 50} with {@code max_network_fraction: 0.005},
 * so min(50, 0.5 % of the network size) per IPv4 address (WithAutonomi/saorsa-core @ 8578381,
 * src/security.rs:381-382 and get_per_ip_limit, 983-989), IPv6 counted per /64 (src/security.rs:242, 488).
 * saorsa-core @ a08750c (2026-08-18) enforces the limit per routing-table bucket and close group instead
 * (IP_EXACT_LIMIT = 2, src/security.rs:24; subnet K/4, src/security.rs:41), which a fleet cannot see; 50 per
 * address stays the fleet-wide bound. Pure: no I/O.
 */
public record AddressLimit(int maxPerAddress) {
    public static final String SETTING = "max-nodes-per-address";
    public static final int DEFAULT = 50;

    public AddressLimit {
        if (maxPerAddress < 1) {
            throw new IllegalArgumentException(SETTING + " " + maxPerAddress + " must be at least 1");
        }
    }

    /** One container's v2 nodes and the public address they are reached at ({@link #HOST} for host networking). */
    public record Placement(String container, String address, int nodes) {
        public Placement {
            requireNonNull(container, "container is null");
            requireNonNull(address, "address is null");
            if (nodes < 0) {
                throw new IllegalArgumentException("container " + container + ": " + nodes + " nodes");
            }
        }
    }

    /** The address of every host-networked container: the host's own. */
    public static final String HOST = "the host's address";

    /** The key nodes are counted under: an IPv4 address as it is, an IPv6 address by its /64. */
    public static String addressKey(String ip) {
        InetAddress parsed = parse(ip);
        if (parsed instanceof Inet6Address) {
            byte[] b = parsed.getAddress();
            return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
        }
        return parsed.getHostAddress();
    }

    private static InetAddress parse(String ip) {
        boolean v4 = ip.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = ip.contains(":") && ip.matches("[0-9a-fA-F:.]{2,45}");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("'" + ip + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(ip); // a literal only (digits and dots, or with a colon): no name lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("'" + ip + "' is not an IP address", e);
        }
    }

    /** How many more nodes {@code address} takes, given what is placed behind it. */
    public int room(List<Placement> placements, String address) {
        int used = placements.stream().filter(p -> p.address().equals(address)).mapToInt(Placement::nodes).sum();
        return Math.max(0, maxPerAddress - used);
    }

    /**
     * @throws AddressLimitException naming every address over the limit, its containers and the setting
     */
    public void check(List<Placement> placements) {
        Map<String, List<Placement>> byAddress = new LinkedHashMap<>();
        placements.forEach(p -> byAddress.computeIfAbsent(p.address(), a -> new ArrayList<>()).add(p));
        List<String> over = new ArrayList<>();
        byAddress.forEach((address, list) -> {
            int total = list.stream().mapToInt(Placement::nodes).sum();
            if (total > maxPerAddress) {
                over.add(total + " nodes behind " + address + " (" + describe(list) + ")");
            }
        });
        if (!over.isEmpty()) {
            throw new AddressLimitException(String.join("; ", over) + ": over " + SETTING + " = " + maxPerAddress
                    + ", the most nodes the Autonomi v2 network accepts from one address (IPv6: one /64); lower the"
                    + " node counts, give containers their own addresses (dockerNetwork), or change " + SETTING
                    + " (nothing was changed)");
        }
    }

    private static String describe(List<Placement> list) {
        List<String> parts = new ArrayList<>();
        list.forEach(p -> parts.add(p.container() + ": " + p.nodes()));
        return String.join(", ", parts);
    }

    /** A spec or a decision that would put more nodes behind one address than {@code max-nodes-per-address}. */
    public static class AddressLimitException extends AntfleetException {
        public AddressLimitException(String message) {
            super(message);
        }
    }
}
