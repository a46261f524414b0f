package io.antfleet.engine.bench;

import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The floor an operator's shell script reaches: the same {@code docker} CLI commands started all at once
 * (as {@code cmd & cmd & wait} would), timed until the last one exits. Output is discarded.
 */
final class FloorScript {
    private static final long BOUND_SECONDS = 300;

    private FloorScript() {
    }

    /** Runs every command in parallel; returns the wall seconds until all exited 0. */
    static double parallel(List<List<String>> commands) {
        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        try {
            for (List<String> command : commands) {
                processes.add(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                    throw new AntfleetException("floor command did not finish within " + BOUND_SECONDS + " s: "
                            + String.join(" ", commands.get(i)));
                }
                if (p.exitValue() != 0) {
                    throw new AntfleetException("floor command exited " + p.exitValue() + ": " + String.join(" ", commands.get(i)));
                }
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (IOException e) {
            throw new AntfleetException("cannot start the floor's docker CLI (is `docker` on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("floor interrupted", e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
