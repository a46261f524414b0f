package io.antfleet.faults;

import io.antfleet.docker.HostCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A Docker daemon of the test's own, so that it can be restarted without disturbing the shared one: its
 * socket, data root, exec root and pid file under {@code /tmp/rundocker-dockerd-<random>}, a bridge of its own,
 * no iptables (containers use the host's network), and {@code --live-restore}, so its containers outlive a
 * restart as they would on a production host. Needs root. {@link #close()} removes everything it made:
 * containers, the daemon and its containerd, stray runc containers, mounts under the directory, the directory,
 * the bridge.
 *
 * <p>Not {@code --bridge none}: it shares the host's network namespace, and a dockerd started so deletes the
 * link {@code docker0} (moby's removeDefaultBridgeInterface), which the shared engine's bridge network needs.
 */
final class PrivateDockerd implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(60);

    private final Path dir;
    private final String bridge;
    private Process daemon;

    private PrivateDockerd(Path dir, String bridge) {
        this.dir = dir;
        this.bridge = bridge;
    }

    /** Starts a fresh daemon and waits until it answers. */
    static PrivateDockerd start() {
        String random = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Path.of("/tmp", "rundocker-dockerd-" + random);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String bridge = "afpd" + random;
        HostCommand.Result made = HostCommand.run(List.of("ip", "link", "add", bridge, "type", "bridge"), Duration.ofSeconds(30));
        if (made.exit() != 0) {
            throw new IllegalStateException("cannot make the private dockerd's bridge " + bridge + ": " + made.out());
        }
        PrivateDockerd d = new PrivateDockerd(dir, bridge);
        d.startAgain();
        return d;
    }

    /** For docker-java and {@code docker -H}. */
    String host() {
        return "unix://" + dir.resolve("docker.sock");
    }

    Path dir() {
        return dir;
    }

    /** Starts the daemon (again, with the same flags and data) and waits until it answers. */
    void startAgain() {
        List<String> command = List.of("dockerd", "--host", host(), "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("docker.pid").toString(),
                "--bridge", bridge, "--iptables=false", "--ip-masq=false", "--live-restore", "--log-level", "warn");
        try {
            daemon = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd: " + e.getMessage(), e);
        }
        Awaitility.await("private dockerd answering at " + host()).atMost(READY).pollInterval(Duration.ofMillis(200))
                .until(() -> !daemon.isAlive() || cli(Duration.ofSeconds(10), "version").exit() == 0);
        if (!daemon.isAlive()) {
            throw new IllegalStateException("dockerd exited with " + daemon.exitValue() + "; see " + dir.resolve("dockerd.log"));
        }
    }

    /** SIGTERM, as a service manager stops it, and waits until it has exited; returns how long that took. */
    Duration stop() {
        long t0 = System.nanoTime();
        if (daemon != null && daemon.isAlive()) {
            daemon.destroy();
            try {
                if (!daemon.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                    daemon.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping dockerd", e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Copies an image from the shared daemon ({@code docker save | docker -H load}); returns how long it took. */
    Duration load(String image) {
        long t0 = System.nanoTime();
        try {
            List<Process> pipe = ProcessBuilder.startPipeline(List.of(
                    new ProcessBuilder("docker", "save", image).redirectError(ProcessBuilder.Redirect.DISCARD),
                    new ProcessBuilder("docker", "-H", host(), "load").redirectErrorStream(true)));
            Process load = pipe.get(1);
            String out = new String(load.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!load.waitFor(120, TimeUnit.SECONDS) || load.exitValue() != 0) {
                pipe.forEach(Process::destroyForcibly);
                throw new IllegalStateException("cannot load " + image + " into the private dockerd: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + image, e);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Runs {@code docker -H <this daemon> ARGS} with a bound. */
    HostCommand.Result cli(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host()));
        command.addAll(List.of(args));
        return HostCommand.run(command, timeout);
    }

    @Override
    public void close() {
        if (daemon != null && daemon.isAlive()) {
            String ids = cli(Duration.ofSeconds(30), "ps", "-aq").out().trim();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
                rm.addAll(List.of(ids.split("\\s+")));
                cli(Duration.ofSeconds(60), rm.toArray(String[]::new));
            }
        }
        stop();
        killLeftovers();
        HostCommand.unmountAndDelete(dir, "PrivateDockerd");
        HostCommand.run(List.of("ip", "link", "del", bridge), Duration.ofSeconds(30));
    }

    /** Containers live-restore kept although the daemon is gone, and processes still naming the directory. */
    private void killLeftovers() {
        Path runc = dir.resolve("exec").resolve("runtime-runc").resolve("moby");
        if (Files.isDirectory(runc)) {
            for (String id : HostCommand.run(List.of("runc", "--root", runc.toString(), "list", "-q"), Duration.ofSeconds(30)).out()
                    .trim().split("\\s+")) {
                if (!id.isBlank()) {
                    HostCommand.run(List.of("runc", "--root", runc.toString(), "kill", "--all", id, "KILL"), Duration.ofSeconds(30));
                    HostCommand.run(List.of("runc", "--root", runc.toString(), "delete", "-f", id), Duration.ofSeconds(30));
                }
            }
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> p).join();
                });
    }

    /** Runs a command with a bound and ignores its outcome (clean-up). */
    static void quietly(List<String> command, long timeout, TimeUnit unit) {
        HostCommand.run(command, Duration.ofMillis(unit.toMillis(timeout)));
    }
}
