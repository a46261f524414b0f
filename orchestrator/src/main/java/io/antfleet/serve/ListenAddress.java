package io.antfleet.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where {@code antfleet serve} listens: {@code HOST:PORT} ({@code [::1]:8765} for IPv6), default
 * {@value #DEFAULT}. A host that is not a loopback address needs TLS: the token would otherwise cross the
 * network in clear.
 */
public record ListenAddress(String host, int port) {
    public static final String DEFAULT = "127.0.0.1:8765";

    public ListenAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0-65535");
        }
    }

    /** @throws IllegalArgumentException with a message for the operator */
    public static ListenAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("listen address must be HOST:PORT, e.g. " + DEFAULT + ", got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new ListenAddress(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen port is not a number in '" + text + "'");
        }
    }

    public InetSocketAddress resolve() {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve listen host '" + host + "'");
        }
    }

    /** True for 127.0.0.0/8 and ::1; 0.0.0.0 (every interface) is not loopback. */
    public boolean loopback() {
        return resolve().getAddress().isLoopbackAddress();
    }
}
