package io.antfleet.ant;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ExecResult;
import io.antfleet.nodemanager.BinaryChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code ant node} daemon of one container: where its data lives ({@code <D>}, §4.1) and the container
 * start-up sequence of §6: when {@code daemon status --json} says it is down, remove the stale pid files
 * (a reused pid gives a false already_running, adoption of the wrong process, a stop of the wrong pid:
 * §7 #14), {@code daemon start --json}, then wait for {@code running:true} (start exits 0 even when the
 * daemon died at once, §2.1).
 */
final class AntDaemon {
    private static final Duration POLL = Duration.ofMillis(250);

    private final AntExec exec;
    private final AntSettings settings;
    private String dataHome;

    AntDaemon(AntExec exec, AntSettings settings) {
        this.exec = requireNonNull(exec, "exec is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** {@code <D>}: {@code $XDG_DATA_HOME/ant}, else {@code $HOME/.local/share/ant}, of the exec user. */
    String dataHome() {
        if (dataHome == null) {
            List<String> args = List.of();
            ExecResult r = exec.run("env", args, settings.call());
            if (!r.succeeded()) {
                throw exec.failed("env failed", "env", args, r);
            }
            Map<String, String> env = AntJson.environment(r.stdout());
            String xdg = env.get("XDG_DATA_HOME");
            String home = env.get("HOME");
            String dir = xdg != null && !xdg.isBlank() ? xdg + "/ant"
                    : home != null && !home.isBlank() ? home + "/.local/share/ant" : null;
            if (dir == null) {
                throw new AntException("the container's user has no HOME, so ant would panic (§4.1)", exec.target(),
                        List.of("env"), r.exitCode(), "");
            }
            dataHome = BinaryChecks.absolutePath("ant data dir", dir.replaceAll("/+$", ""));
        }
        return dataHome;
    }

    AntJson.DaemonState state() {
        List<String> args = List.of("node", "daemon", "status", "--json");
        ExecResult r = exec.ant(args, settings.call());
        if (!r.succeeded()) {
            throw exec.failed("ant node daemon status failed", "ant", args, r);
        }
        try {
            return AntJson.daemon(r.stdout());
        } catch (IllegalArgumentException e) {
            throw exec.failed("ant node daemon status printed something antfleet cannot read: " + e.getMessage(),
                    "ant", args, r);
        }
    }

    /** The daemon's port, starting it first if it is down. */
    int ensureRunning(List<AntNode> registry) {
        AntJson.DaemonState state = state();
        if (state.running() && state.port() != null) {
            return state.port();
        }
        clearStalePids(registry);
        start();
        return awaitRunning();
    }

    /**
     * Starts the daemon of a container just created, without asking first ({@code daemon start} checks its pid
     * file itself, §2.1). True when this call started it and it serves: {@code already_running:false} with a
     * port (the port file is written just before the daemon serves, §3.1), or, with the port pending, once
     * {@code daemon status} says running. False when the start found a live pid in the pid file: a volume that
     * outlived its container, whose stale pids only {@link #ensureRunning} clears (§7 #14).
     */
    boolean startFresh() {
        AntJson.DaemonStart started = start();
        if (started.alreadyRunning()) {
            return false;
        }
        if (started.port() == null) {
            awaitRunning();
        }
        return true;
    }

    private AntJson.DaemonStart start() {
        List<String> args = List.of("node", "daemon", "start", "--json");
        ExecResult r = exec.ant(args, settings.call());
        if (!r.succeeded()) {
            throw exec.failed("the ant node daemon would not start", "ant", args, r);
        }
        try {
            return AntJson.daemonStart(r.stdout());
        } catch (IllegalArgumentException e) {
            throw exec.failed("ant node daemon start printed something antfleet cannot read: " + e.getMessage(), "ant",
                    args, r);
        }
    }

    /** start exits 0 even when the daemon died at once (§2.1): its port once status says running:true. */
    private int awaitRunning() {
        long deadline = System.nanoTime() + settings.daemonStart().toNanos();
        while (true) {
            AntJson.DaemonState state = state();
            if (state.running() && state.port() != null) {
                return state.port();
            }
            if (System.nanoTime() > deadline) {
                throw new AntException("the ant node daemon did not report running:true within "
                        + settings.daemonStart().toSeconds() + " s of 'daemon start'", exec.target(),
                        List.of("ant", "node", "daemon", "status", "--json"), 0, "");
            }
            pause();
        }
    }

    private void clearStalePids(List<AntNode> registry) {
        String d = dataHome();
        List<String> args = new ArrayList<>(List.of("-f", d + "/daemon.pid", d + "/daemon.port"));
        for (AntNode n : registry) {
            if (!n.isUsable()) {
                continue;
            }
            args.add(BinaryChecks.absolutePath("node data dir", n.dataDir()) + "/node.pid");
        }
        ExecResult r = exec.run("rm", args, settings.call());
        if (!r.succeeded()) {
            throw exec.failed("removing stale pid files failed", "rm", args, r);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntException("interrupted while waiting for the ant node daemon", "", List.of(), -1, "");
        }
    }
}
