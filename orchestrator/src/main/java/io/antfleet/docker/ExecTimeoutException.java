package io.antfleet.docker;

import io.antfleet.fleet.Redaction;
import java.time.Duration;
import java.util.List;

/**
 * An exec did not finish within its bound; the message names the container, the command (secrets redacted)
 * and the bound.
 */
public class ExecTimeoutException extends DockerOperationException {
    private final String container;
    private final List<String> command;
    private final Duration bound;

    public ExecTimeoutException(String container, List<String> command, Duration bound, String what) {
        super("command " + Redaction.command(command) + " in container " + container + " did not finish within " + bound.toSeconds()
                + " s; " + what);
        this.container = container;
        this.command = List.copyOf(Redaction.command(command));
        this.bound = bound;
    }

    public String container() {
        return container;
    }

    public List<String> command() {
        return command;
    }

    public Duration bound() {
        return bound;
    }
}
