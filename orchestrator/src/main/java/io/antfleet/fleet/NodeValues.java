package io.antfleet.fleet;

import java.util.regex.Pattern;

/**
 * The checks every value a node or its manager reports about itself passes before antfleet keeps it: a
 * version and a peer id are short tokens (they end up in database columns of 64 and 128 characters, in
 * reports and in InfluxDB lines), so a hostile or broken node cannot smuggle long text, line breaks or
 * quotes through them. A value that fails is refused for that node alone.
 */
public final class NodeValues {
    public static final int MAX_VERSION = 64;
    public static final int MAX_PEER_ID = 128;
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0," + (MAX_VERSION - 1) + "}");
    private static final Pattern PEER_ID = Pattern.compile("[0-9A-Za-z]{1," + MAX_PEER_ID + "}");

    private NodeValues() {
    }

    /** Null when {@code version} may be kept, else why not. */
    public static String versionProblem(String version) {
        return version == null || VERSION.matcher(version).matches() ? null
                : "version '" + shown(version) + "' is not a version (letters, digits and . + _ -, at most " + MAX_VERSION + ")";
    }

    /** Null when {@code peerId} may be kept, else why not. */
    public static String peerIdProblem(String peerId) {
        return peerId == null || PEER_ID.matcher(peerId).matches() ? null
                : "peer id '" + shown(peerId) + "' is not a peer id (letters and digits, at most " + MAX_PEER_ID + ")";
    }

    /** A value as it may appear in a message: at most 40 characters, control characters escaped. */
    public static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + " characters)" : value;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
