package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.plan.AddressLimit;

/**
 * An existing Docker network an {@code ant} container joins with a fixed address, instead of host networking
 * (spec key {@code dockerNetwork: {name, ipv4 | ipv6}}; {@code network} is the EVM network). For example a
 * macvlan network with one public address per container, so each address carries its own
 * {@code max-nodes-per-address}.
 */
public record DockerNetwork(String name, String ipv4, String ipv6) {
    public DockerNetwork {
        requireNonNull(name, "name is null");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}") || name.equals("host") || name.equals("none")
                || name.equals("bridge")) {
            throw new IllegalArgumentException("'" + name + "' is not the name of a user-defined Docker network");
        }
        if ((ipv4 == null) == (ipv6 == null)) {
            throw new IllegalArgumentException("network " + name + " needs exactly one fixed address, ipv4 or ipv6");
        }
        String key = AddressLimit.addressKey(ipv4 != null ? ipv4 : ipv6);
        if (ipv4 != null && key.contains(":") || ipv6 != null && !key.contains(":")) {
            throw new IllegalArgumentException("'" + (ipv4 != null ? ipv4 : ipv6) + "' is not an "
                    + (ipv4 != null ? "IPv4" : "IPv6") + " address");
        }
    }

    /** What the v2 network counts nodes by: the IPv4 address, or the IPv6 address's /64. */
    public String addressKey() {
        return AddressLimit.addressKey(ipv4 != null ? ipv4 : ipv6);
    }
}
