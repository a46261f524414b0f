package io.antfleet.docker;

import io.antfleet.fleet.spec.TlsPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A Docker engine that stands for a remote host (ENVIRONMENT.md, "A second Docker engine"): a dockerd in a
 * network namespace of its own, reached over a veth pair whose private /30 addresses this fixture assigns
 * (nothing else is ever contacted), listening on {@code tcp://<ns address>:2376} with {@code --tlsverify} and
 * certificates made here with openssl: a CA, the engine's certificate for its address, a client certificate the
 * engine trusts and one from another CA that it does not. Containers with {@code --network host} live in the
 * namespace, so their 127.0.0.1 is not the test's. Needs root. {@link #close()} removes the containers, the
 * daemon, the mounts under its directory, the directory, the link and the namespace, also after a failed start.
 */
final class NetnsEngine implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(30);

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Path dir = Path.of("/tmp", "antfleet-netns-engine-" + id);
    private final String namespace = "afmh" + id;
    private final String outside = "afh" + id + "a";
    private final String inside = "afh" + id + "b";
    private final String hostAddress;
    private final String engineAddress;
    private Process daemon;

    private NetnsEngine(int subnet) {
        // 10.213.X.Y/30: .1 on the test's side, .2 the engine's
        this.hostAddress = "10.213." + (subnet >> 6) + "." + ((subnet & 63) * 4 + 1);
        this.engineAddress = "10.213." + (subnet >> 6) + "." + ((subnet & 63) * 4 + 2);
    }

    /** Makes the namespace, the link, the certificates and the daemon, and waits until it answers. */
    static NetnsEngine start() {
        NetnsEngine e = new NetnsEngine(ThreadLocalRandom.current().nextInt(256 * 64));
        try {
            e.network();
            e.certificates();
            e.daemon();
            return e;
        } catch (RuntimeException failure) {
            e.close();
            throw failure;
        }
    }

    /**
     * {@code count} engines started side by side, each with {@code image} loaded into it; if one fails, those that
     * started are removed again.
     */
    static List<NetnsEngine> startLoaded(int count, String image) {
        List<CompletableFuture<NetnsEngine>> starts = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> startLoaded(image))).toList();
        try {
            return starts.stream().map(CompletableFuture::join).toList();
        } catch (RuntimeException e) {
            starts.forEach(start -> start.thenAccept(NetnsEngine::close));
            throw e;
        }
    }

    private static NetnsEngine startLoaded(String image) {
        NetnsEngine engine = start();
        try {
            engine.load(image);
            return engine;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** {@code tcp://<address>:2376}, for the spec and docker-java. */
    String endpoint() {
        return "tcp://" + engineAddress + ":2376";
    }

    /** The CA, and the client certificate and key the engine trusts. */
    TlsPaths trustedClient() {
        return new TlsPaths(dir.resolve("ca.pem"), dir.resolve("client-cert.pem"), dir.resolve("client-key.pem"));
    }

    /** The right CA, but a client certificate another CA signed: the engine refuses it. */
    TlsPaths untrustedClient() {
        return new TlsPaths(dir.resolve("ca.pem"), dir.resolve("stranger-cert.pem"), dir.resolve("stranger-key.pem"));
    }

    /** The engine's end of the veth pair, the only link besides lo in its namespace. */
    String insideLink() {
        return inside;
    }

    /** Copies an image from the shared engine into this one ({@code docker save | docker -H load}). */
    void load(String image) {
        try {
            List<Process> pipe = ProcessBuilder.startPipeline(List.of(
                    new ProcessBuilder("docker", "save", image).redirectError(ProcessBuilder.Redirect.DISCARD),
                    new ProcessBuilder("docker", "-H", socket(), "load").redirectErrorStream(true)));
            Process load = pipe.get(1);
            String out = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!load.waitFor(120, TimeUnit.SECONDS) || load.exitValue() != 0) {
                pipe.forEach(Process::destroyForcibly);
                throw new IllegalStateException("cannot load " + image + " into " + endpoint() + ": " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + image, e);
        }
    }

    /**
     * Stops the daemon, as an engine that goes down: its containers stop with it, its data, namespace and link stay;
     * {@link #startAgain()} brings it back. Clients then find nothing listening at {@link #endpoint()}.
     */
    void stop() {
        daemon.destroy();
        try {
            if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping dockerd in " + namespace, e);
        }
    }

    /** Starts the daemon again over the same directories (containers Docker restarts come back) and waits for it. */
    void startAgain() {
        daemon();
    }

    /** Runs {@code docker -H <this engine's unix socket> ARGS} (the test's own view, not antfleet's). */
    HostCommand.Result cli(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", socket()));
        command.addAll(List.of(args));
        return HostCommand.run(command, STEP);
    }

    private String socket() {
        return "unix://" + dir.resolve("docker.sock");
    }

    private void network() {
        must(List.of("ip", "netns", "add", namespace));
        must(List.of("ip", "link", "add", outside, "type", "veth", "peer", "name", inside));
        must(List.of("ip", "link", "set", inside, "netns", namespace));
        must(List.of("ip", "addr", "add", hostAddress + "/30", "dev", outside));
        must(List.of("ip", "link", "set", outside, "up"));
        must(List.of("ip", "-n", namespace, "addr", "add", engineAddress + "/30", "dev", inside));
        must(List.of("ip", "-n", namespace, "link", "set", inside, "up"));
        must(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
    }

    private void certificates() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:" + engineAddress + "\nextendedKeyUsage=serverAuth\n");
            Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        authority("ca");
        authority("stranger-ca");
        signed("server", "ca", "server.ext");
        signed("client", "ca", "client.ext");
        signed("stranger", "stranger-ca", "client.ext");
    }

    private void authority(String name) {
        must(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-keyout", file(name + "-key.pem"), "-out", file(name.equals("ca") ? "ca.pem" : name + ".pem")));
    }

    private void signed(String name, String ca, String ext) {
        must(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name, "-keyout",
                file(name + "-key.pem"), "-out", file(name + ".csr")));
        must(List.of("openssl", "x509", "-req", "-in", file(name + ".csr"), "-CA", file(ca.equals("ca") ? "ca.pem" : ca + ".pem"),
                "-CAkey", file(ca + "-key.pem"), "-CAcreateserial", "-days", "2", "-extfile", file(ext),
                "-out", file(name + "-cert.pem")));
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void daemon() {
        List<String> command = List.of("nsenter", "--net=/var/run/netns/" + namespace, "dockerd",
                "--host", socket(), "--host", endpoint(), "--tlsverify", "--tlscacert", file("ca.pem"),
                "--tlscert", file("server-cert.pem"), "--tlskey", file("server-key.pem"),
                "--data-root", file("data"), "--exec-root", file("exec"), "--pidfile", file("docker.pid"),
                "--bridge", "none", "--iptables=false", "--ip-masq=false", "--log-level", "warn");
        try {
            daemon = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd: " + e.getMessage(), e);
        }
        Awaitility.await("dockerd in " + namespace + " answering").atMost(READY).pollInterval(Duration.ofMillis(200))
                .until(() -> !daemon.isAlive() || cli("version").exit() == 0);
        if (!daemon.isAlive()) {
            throw new IllegalStateException("dockerd exited with " + daemon.exitValue() + "; see " + dir.resolve("dockerd.log"));
        }
    }

    @Override
    public void close() {
        if (daemon != null && daemon.isAlive()) {
            removeContainers();
            daemon.destroy();
            try {
                if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // containerd and shims the daemon started name the directory on their command lines
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(x -> p).join();
                });
        HostCommand.unmountAndDelete(dir, "NetnsEngine");
        HostCommand.run(List.of("ip", "link", "del", outside), STEP);
        HostCommand.run(List.of("ip", "netns", "del", namespace), STEP);
    }

    /**
     * Closes every engine that started (null for one that did not), then fails if one left its namespace, link or
     * directory behind: the {@code @AfterAll} of a test class that holds engines from {@link #startLoaded}.
     */
    static void closeAll(NetnsEngine... engines) {
        List<NetnsEngine> started = Stream.of(engines).filter(java.util.Objects::nonNull).toList();
        started.forEach(NetnsEngine::close);
        for (NetnsEngine engine : started) {
            if (!engine.leftNothing()) {
                throw new AssertionError("engine " + engine.namespace + ": namespace, link or directory left behind");
            }
        }
    }

    /** Removes this engine's containers (with their volumes) that match {@code psFilters}; all of them without. */
    void removeContainers(String... psFilters) {
        List<String> ps = new ArrayList<>(List.of("ps", "-aq"));
        ps.addAll(List.of(psFilters));
        String ids = cli(ps.toArray(String[]::new)).out().trim();
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
            rm.addAll(List.of(ids.split("\\s+")));
            cli(rm.toArray(String[]::new));
        }
    }

    /** The namespace, the link and the directory are gone (for the test that shows clean-up). */
    boolean leftNothing() {
        return !Files.exists(dir) && !HostCommand.run(List.of("ip", "netns", "list"), STEP).out().contains(namespace)
                && HostCommand.run(List.of("ip", "link", "show", outside), STEP).exit() != 0;
    }

    private static void must(List<String> command) {
        HostCommand.Result r = HostCommand.run(command, STEP);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.out());
        }
    }

}
