package io.antfleet.antctl;

import io.antfleet.docker.ExecResult;
import java.time.Duration;
import java.util.List;

/**
 * Runs antctl somewhere (a container, the host) with an argument list. A non-zero exit is returned as
 * data. A call that passes {@code timeout} is killed and raises {@link AntctlTimeoutException}; a missing
 * antctl raises {@link AntctlMissingException}. Implementations are thread safe.
 */
public interface AntctlRunner {
    /** Where antctl runs, for messages: e.g. {@code container alpha (antctl+sudo)}. */
    String target();

    /** {@code args} excludes the program name. */
    ExecResult run(List<String> args, Duration timeout);

    /**
     * Runs another program where antctl runs, as the same user, bounded the same way: a node binary's
     * {@code --version} before a path upgrade, a {@code kill} of a node whose RPC no longer answers.
     */
    ExecResult runBeside(List<String> command, Duration timeout);
}
