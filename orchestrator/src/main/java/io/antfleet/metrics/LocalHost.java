package io.antfleet.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, for the {@code host} label. */
final class LocalHost {
    private LocalHost() {
    }

    static String name() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
