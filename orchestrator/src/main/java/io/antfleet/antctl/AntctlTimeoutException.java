package io.antfleet.antctl;

import java.time.Duration;
import java.util.List;

/** An antctl call passed its bound and was killed; the caller moves on. */
public class AntctlTimeoutException extends AntctlException {
    private final Duration bound;

    public AntctlTimeoutException(String target, List<String> command, Duration bound, int exitCode, String stderr) {
        super("antctl did not finish within " + bound.toSeconds() + " s and was killed", target, command, exitCode,
                stderr, List.of());
        this.bound = bound;
    }

    public AntctlTimeoutException(String target, List<String> command, Duration bound, Throwable cause) {
        super("antctl did not finish within " + bound.toSeconds() + " s and was abandoned", target, command, cause);
        this.bound = bound;
    }

    public Duration bound() {
        return bound;
    }
}
