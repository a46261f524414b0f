package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A runner whose antctl calls hold the container's {@link ContainerCallLocks} lock (other programs do not). */
final class LockedRunner implements AntctlRunner {
    /** How long a call waits for another one in the same container beyond its own bound. */
    private static final Duration WAIT_SLACK = Duration.ofMinutes(1);

    private final AntctlRunner delegate;
    private final ContainerCallLocks locks;
    private final String key;

    LockedRunner(AntctlRunner delegate, ContainerCallLocks locks, String key) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.locks = requireNonNull(locks, "locks is null");
        this.key = requireNonNull(key, "key is null");
    }

    @Override
    public String target() {
        return delegate.target();
    }

    @Override
    public ExecResult run(List<String> args, Duration timeout) {
        return locks.locked(key, timeout.plus(WAIT_SLACK), target(), () -> delegate.run(args, timeout));
    }

    @Override
    public ExecResult runBeside(List<String> command, Duration timeout) {
        return delegate.runBeside(command, timeout);
    }

    @Override
    public Optional<String> imageId() {
        return delegate.imageId();
    }
}
