package io.antfleet.antctl;

import io.antfleet.fleet.ArgumentRules;
import io.antfleet.fleet.Redaction;
import java.util.regex.Pattern;

/**
 * Checks on every value that becomes an antctl argument, done before any exec. Arguments are passed as
 * a list (no shell), but a hostile value must still never reach antctl or antnode's service files. Paths,
 * versions and URLs follow {@link ArgumentRules}, which the spec readers apply too.
 */
public final class Arguments {
    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9_./:=@,+%-]+");
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9_./+@-]*");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Arguments() {
    }

    /** An absolute path without {@code ..}, spaces or shell characters. */
    public static String absolutePath(String what, String value) {
        if (value == null || !SAFE_PATH.matcher(value).matches()) {
            throw invalid(what, value, "an absolute path of letters, digits and _ . / + @ -");
        }
        if (!ArgumentRules.isSafePath(value)) {
            throw invalid(what, value, "a path without '..'");
        }
        return value;
    }

    /** A free-form pass-through token (wnm's start_args): one argument, no spaces or shell characters. */
    public static String token(String what, String value) {
        if (value == null || !SAFE_TOKEN.matcher(value).matches()) {
            throw invalid(what, value, "one token of letters, digits and _ . / : = @ , + % -");
        }
        return value;
    }

    public static String envKey(String value) {
        if (value == null || !ENV_KEY.matcher(value).matches()) {
            throw invalid("environment variable name", value, "letters, digits and _, not starting with a digit");
        }
        return value;
    }

    public static String envValue(String key, String value) {
        if (value == null || !(value.isEmpty() || SAFE_TOKEN.matcher(value).matches())) {
            throw invalid("value of environment variable " + key, value,
                    "letters, digits and _ . / : = @ , + % - (no spaces or shell characters)");
        }
        return value;
    }

    public static String version(String what, String value) {
        if (!ArgumentRules.isVersion(value)) {
            throw invalid(what, value, "a version like 0.4.17");
        }
        return value;
    }

    public static String url(String what, String value) {
        if (!ArgumentRules.isUrl(value)) {
            throw invalid(what, Redaction.url(value), "an http(s) URL without spaces");
        }
        return value;
    }

    private static IllegalArgumentException invalid(String what, String value, String expected) {
        return new IllegalArgumentException("invalid " + what + " '" + value + "' (expected " + expected + ")");
    }
}
