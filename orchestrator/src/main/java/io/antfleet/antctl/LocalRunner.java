package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private final String antctl;
    private final List<String> prefix;

    public LocalRunner(String antctl, List<String> prefix) {
        this.antctl = requireNonNull(antctl, "antctl is null");
        this.prefix = List.copyOf(prefix);
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
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
        if (watchdog.killedProcess()) {
            throw new AntctlTimeoutException(target(), shown, timeout, exit, err.toString(StandardCharsets.UTF_8));
        }
        return new ExecResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
