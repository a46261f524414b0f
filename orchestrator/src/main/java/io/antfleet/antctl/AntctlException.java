package io.antfleet.antctl;

import io.antfleet.fleet.AntfleetException;
import java.util.List;

/**
 * antctl failed or said something antfleet cannot read. Carries where it ran, the command, the exit code
 * (-1 when it never exited, e.g. killed after its bound), an stderr excerpt and the per-node ✕ lines.
 */
public class AntctlException extends AntfleetException {
    static final int EXCERPT_CHARS = 600;

    private final String target;
    private final List<String> command;
    private final int exitCode;
    private final String stderrExcerpt;
    private final List<NodeFailure> failures;

    public AntctlException(String message, String target, List<String> command, int exitCode, String stderr,
            List<NodeFailure> failures) {
        super(compose(message, target, command, exitCode, stderr, failures));
        this.target = target;
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.stderrExcerpt = excerpt(stderr);
        this.failures = List.copyOf(failures);
    }

    public AntctlException(String message, String target, List<String> command, Throwable cause) {
        super(message + " [" + target + ", command " + command + "]", cause);
        this.target = target;
        this.command = List.copyOf(command);
        this.exitCode = -1;
        this.stderrExcerpt = "";
        this.failures = List.of();
    }

    public String target() {
        return target;
    }

    public List<String> command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stderrExcerpt() {
        return stderrExcerpt;
    }

    public List<NodeFailure> failures() {
        return failures;
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        return t.length() <= EXCERPT_CHARS ? t : t.substring(0, EXCERPT_CHARS) + "…";
    }

    private static String compose(String message, String target, List<String> command, int exitCode, String stderr,
            List<NodeFailure> failures) {
        StringBuilder sb = new StringBuilder(message).append(" [").append(target).append(", command ")
                .append(command).append(", exit ").append(exitCode).append(']');
        for (NodeFailure f : failures) {
            sb.append("\n  ✕ ").append(f.service()).append(": ").append(f.reason());
        }
        String e = excerpt(stderr);
        if (!e.isEmpty()) {
            sb.append("\n  stderr: ").append(e.replace("\n", "\n          "));
        }
        return sb.toString();
    }
}
