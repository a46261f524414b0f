package io.antfleet.fleet;

import java.util.regex.Pattern;

/**
 * The shapes a value must have to become an antctl argument: one definition, used by the spec readers
 * (so a bad value fails while the spec is read, exit 2, before any container is made) and by the request
 * builders (the last check before any exec).
 */
public final class ArgumentRules {
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9_./+@-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+(-[A-Za-z0-9.]+)?");
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9._~:/?#@&+,=%-]+");

    private ArgumentRules() {
    }

    /** An absolute path of letters, digits and _ . / + @ -, without a {@code ..} part. */
    public static boolean isSafePath(String value) {
        if (value == null || !SAFE_PATH.matcher(value).matches()) {
            return false;
        }
        for (String part : value.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** X.Y.Z with an optional {@code -pre.release} part. */
    public static boolean isVersion(String value) {
        return value != null && VERSION.matcher(value).matches();
    }

    /** An http(s) URL without spaces or shell characters. */
    public static boolean isUrl(String value) {
        return value != null && URL.matcher(value).matches() && !value.contains("$(") && !value.contains("`");
    }
}
