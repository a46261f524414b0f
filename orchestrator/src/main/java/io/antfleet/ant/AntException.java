package io.antfleet.ant;

import io.antfleet.fleet.AntfleetException;
import java.util.List;

/**
 * {@code ant} (or a tool beside it in the container) failed or said something antfleet cannot read.
 * Names where it ran, the command, the exit code (-1: it never exited) and an excerpt of what it said.
 */
public class AntException extends AntfleetException {
    private static final int EXCERPT_CHARS = 600;

    private final int exitCode;

    public AntException(String message, String target, List<String> command, int exitCode, String said) {
        super(message + " [" + target + ", command " + command + ", exit " + exitCode + "]"
                + (excerpt(said).isEmpty() ? "" : "\n  said: " + excerpt(said).replace("\n", "\n        ")));
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        return t.length() <= EXCERPT_CHARS ? t : t.substring(0, EXCERPT_CHARS) + "…";
    }
}
