package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

/** The outcome of a process run in a container. A non-zero exit is data, not an exception. */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public ExecResult {
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
