package io.antfleet.antctl;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Redaction;
import java.util.List;

/**
 * antctl failed or said something antfleet cannot read. Carries where it ran, the command, the exit code
 * (-1 when it never exited, e.g. killed after its bound), an stderr excerpt and the per-node ✕ lines. The
 * custom rpc URL is redacted from all of them ({@link Redaction}): the message ends up in the journal and logs.
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
        this.command = List.copyOf(Redaction.command(command));
        this.exitCode = exitCode;
        this.stderrExcerpt = excerpt(Redaction.text(stderr, command));
        this.failures = failures.stream().map(f -> redacted(f, command)).toList();
    }

    public AntctlException(String message, String target, List<String> command, Throwable cause) {
        super(message + " [" + target + ", command " + Redaction.command(command) + "]", cause);
        this.target = target;
        this.command = List.copyOf(Redaction.command(command));
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

    private static NodeFailure redacted(NodeFailure failure, List<String> command) {
        String reason = Redaction.text(failure.reason(), command);
        return reason.equals(failure.reason()) ? failure : new NodeFailure(failure.service(), reason);
    }

    private static String compose(String message, String target, List<String> command, int exitCode, String stderr,
            List<NodeFailure> failures) {
        StringBuilder sb = new StringBuilder(Redaction.text(message, command)).append(" [").append(target)
                .append(", command ").append(Redaction.command(command)).append(", exit ").append(exitCode).append(']');
        for (NodeFailure f : failures) {
            sb.append("\n  ✕ ").append(f.service()).append(": ").append(Redaction.text(f.reason(), command));
        }
        String e = excerpt(Redaction.text(stderr, command));
        if (!e.isEmpty()) {
            sb.append("\n  stderr: ").append(e.replace("\n", "\n          "));
        }
        return sb.toString();
    }
}
