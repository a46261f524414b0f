package io.antfleet.nodemanager;

import java.util.regex.Pattern;

/**
 * Checks on the values that choose a node binary (a path inside the container, a release to download),
 * done when a request is built, before any process sees them: no spaces, shell characters or {@code ..}.
 */
public final class BinaryChecks {
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9_./+@-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+(-[A-Za-z0-9.]+)?");

    private BinaryChecks() {
    }

    /** An absolute path without {@code ..}, spaces or shell characters. */
    public static String absolutePath(String what, String value) {
        if (value == null || !SAFE_PATH.matcher(value).matches()) {
            throw invalid(what, value, "an absolute path of letters, digits and _ . / + @ -");
        }
        for (String part : value.split("/")) {
            if (part.equals("..")) {
                throw invalid(what, value, "a path without '..'");
            }
        }
        return value;
    }

    /** A release number like 0.4.17 (a pre-release suffix allowed). */
    public static String version(String what, String value) {
        if (value == null || !VERSION.matcher(value).matches()) {
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
