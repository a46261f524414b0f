package io.antfleet.antctl;

/**
 * A parser could not read antctl's output. Raised by the dialect's parsers without knowing the command;
 * {@link AntctlClient} turns it into an {@link AntctlException} with the command, exit code and stderr.
 */
public class AntctlOutputException extends RuntimeException {
    public AntctlOutputException(String message) {
        super(message);
    }

    public AntctlOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
