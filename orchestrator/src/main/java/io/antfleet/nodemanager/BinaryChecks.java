package io.antfleet.nodemanager;

import io.antfleet.fleet.ArgumentRules;
import java.util.Arrays;

/**
 * Checks on the values that choose a node binary (a path inside the container, a release to download),
 * done when a node manager's request is built, before any process sees them, by {@link ArgumentRules}.
 */
public final class BinaryChecks {
    private BinaryChecks() {
    }

    /** An absolute path without {@code ..}, spaces or shell characters. */
    public static String absolutePath(String what, String value) {
        if (!ArgumentRules.isSafePath(value)) {
            boolean dotDot = value != null && value.startsWith("/") && Arrays.asList(value.split("/")).contains("..");
            throw invalid(what, value, dotDot ? "a path without '..'" : "an absolute path of letters, digits and _ . / + @ -");
        }
        return value;
    }

    /** A release number like 0.4.17 (a pre-release suffix allowed). */
    public static String version(String what, String value) {
        if (!ArgumentRules.isVersion(value)) {
            throw invalid(what, value, "a version like 0.4.17");
        }
        return value;
    }

    /** The binary of an add or an upgrade: a path or a version (both null: the latest), never both. */
    static void binary(String binaryPath, String version) {
        if (binaryPath != null) {
            absolutePath("antnode binary path", binaryPath);
        }
        if (version != null) {
            version("antnode version", version);
        }
        if (binaryPath != null && version != null) {
            throw new IllegalArgumentException("give either an antnode binary path (" + binaryPath
                    + ") or a version (" + version + "), not both");
        }
    }

    static IllegalArgumentException invalid(String what, String value, String expected) {
        return new IllegalArgumentException("invalid " + what + " '" + value + "' (expected " + expected + ")");
    }
}
