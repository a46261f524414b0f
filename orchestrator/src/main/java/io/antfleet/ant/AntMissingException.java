package io.antfleet.ant;

import java.util.List;

/** The container's image has no {@code ant} (or a tool the contract needs beside it, e.g. curl). */
public final class AntMissingException extends AntException {
    public AntMissingException(String target, String program, List<String> command, int exitCode, String said) {
        super("nodeManager ant needs '" + program + "' in the image, and it is missing", target, command, exitCode, said);
    }
}
