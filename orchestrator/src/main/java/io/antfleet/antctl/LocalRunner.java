package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs antctl on the host with Commons Exec: stdout and stderr kept apart, a watchdog kills it at its
 * bound. {@code prefix} is e.g. {@code sudo -n} for the system-wide registry; empty for the current user.
 */
public final class LocalRunner implements AntctlRunner {
    /** Output beyond this (stdout and stderr together) is not kept: antctl is killed and the call fails. */
    static final int MAX_OUTPUT = 16 * 1024 * 1024;

    private final String antctl;
    private final List<String> prefix;
    private final int maxOutput;

    public LocalRunner(String antctl, List<String> prefix) {
        this(antctl, prefix, MAX_OUTPUT);
    }

    LocalRunner(String antctl, List<String> prefix, int maxOutput) {
        this.antctl = requireNonNull(antctl, "antctl is null");
        this.prefix = List.copyOf(prefix);
        this.maxOutput = maxOutput;
    }

    @Override
    public String target() {
        return "host" + (prefix.isEmpty() ? "" : " (" + String.join(" ", prefix) + ")");
    }

    @Override
    public ExecResult run(List<String> args, Duration timeout) {
        List<String> all = new ArrayList<>(prefix);
        all.add(antctl);
        all.addAll(args);
        List<String> shown = new ArrayList<>(List.of("antctl"));
        shown.addAll(args);
        return execute(all, shown, timeout);
    }

    @Override
    public ExecResult runBeside(List<String> command, Duration timeout) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        return execute(all, command, timeout);
    }

    private ExecResult execute(List<String> all, List<String> shown, Duration timeout) {
        CommandLine line = new CommandLine(all.get(0));
        all.subList(1, all.size()).forEach(a -> line.addArgument(a, false));
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        AtomicLong budget = new AtomicLong(maxOutput);
        AtomicBoolean overflowed = new AtomicBoolean();
        Bounded out = new Bounded(budget, overflowed, watchdog);
        Bounded err = new Bounded(budget, overflowed, watchdog);
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(out, err))
                .get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        int exit;
        try {
            exit = executor.execute(line);
        } catch (ExecuteException e) {
            exit = e.getExitValue();
        } catch (IOException e) {
            throw new AntctlMissingException(target(), all.get(0), e.getMessage());
        }
        if (overflowed.get()) {
            throw new AntctlException("antctl printed more than " + maxOutput + " bytes; it was killed and its output not used",
                    target(), shown, exit, "", List.of());
        }
        if (watchdog.killedProcess()) {
            throw new AntctlTimeoutException(target(), shown, timeout, exit, err.toString(StandardCharsets.UTF_8));
        }
        return new ExecResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Keeps output while the shared budget lasts; past it keeps nothing more and kills the process. */
    private static final class Bounded extends ByteArrayOutputStream {
        private final AtomicLong budget;
        private final AtomicBoolean overflowed;
        private final ExecuteWatchdog watchdog;

        Bounded(AtomicLong budget, AtomicBoolean overflowed, ExecuteWatchdog watchdog) {
            this.budget = budget;
            this.overflowed = overflowed;
            this.watchdog = watchdog;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (overflowed.get()) {
                return;
            }
            if (budget.addAndGet(-len) < 0) {
                overflowed.set(true);
                watchdog.destroyProcess();
                return;
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
