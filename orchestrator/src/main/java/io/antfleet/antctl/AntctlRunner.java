package io.antfleet.antctl;

import io.antfleet.docker.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /**
     * The image antctl runs from ({@code sha256:...}) where that is known, so that clients of containers of one
     * image share one dialect ({@code antctl --version} once per image); empty where it is not (the host).
     */
    default Optional<String> imageId() {
        return Optional.empty();
    }
}
