package io.antfleet.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command (argument list, no shell) for test fixtures that set up engines, links and mounts. */
public final class HostCommand {
    private HostCommand() {
    }

    /** Exit code and merged stdout/stderr; -1 with the reason when it could not run or timed out. */
    public record Result(int exit, String out) {
    }

    /** Runs {@code command}, killed past {@code timeout}; never throws. */
    public static Result run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            }, "host-command");
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                reader.join(5_000);
                return new Result(-1, "timed out after " + timeout + ": " + command);
            }
            reader.join(5_000);
            return new Result(p.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
