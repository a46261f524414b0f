package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

final class Requests {
    private Requests() {
    }

    /**
     * The targeted names, de-duplicated in order. Never empty: antctl with no selector acts on every node,
     * which antfleet only ever asks for explicitly (reset, status).
     */
    static List<ServiceName> names(List<ServiceName> services, String verb) {
        if (services == null || services.isEmpty()) {
            throw new IllegalArgumentException("antctl " + verb + " needs at least one service name "
                    + "(without one antctl would act on every node)");
        }
        return List.copyOf(new LinkedHashSet<>(services));
    }

    static void positive(String what, Duration d) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("invalid " + what + " " + d + " (expected a positive duration)");
        }
    }

    /**
     * A local antnode binary (an absolute path) or a version, never both; {@code versionPhrase} formats the version
     * for the message ({@code "a version to download (%s)"}).
     */
    static void binaryOrVersion(String binaryPath, String version, String versionPhrase) {
        if (binaryPath != null) {
            Arguments.absolutePath("antnode binary path", binaryPath);
        }
        if (version != null) {
            Arguments.version("antnode version", version);
        }
        if (binaryPath != null && version != null) {
            throw new IllegalArgumentException("give either an antnode binary path (" + binaryPath + ") or "
                    + String.format(versionPhrase, version) + ", not both");
        }
    }
}
