package io.antfleet.bench;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.docker.ExecResult;
import io.antfleet.fleet.AntfleetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The bench's stand-in containers: named {@code bench-<run>-<i>}, labelled {@code antfleet.bench=true} and
 * {@code antfleet.fleet=bench-<run>}, host networking, populated with antctl by hand (as an operator would)
 * and removed on close.
 */
public final class BenchFleet implements AutoCloseable {
    static final String LABEL = "antfleet.bench";
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final Duration ANTCTL_BOUND = Duration.ofMinutes(5);
    private static final Duration START_BOUND = Duration.ofSeconds(100);

    private final DockerGateway docker;
    private final BenchSettings settings;
    private final IntFunction<ContainerSpec> containers;
    private final List<String> names = new ArrayList<>();

    BenchFleet(DockerGateway docker, BenchSettings settings) {
        this(docker, settings, benchContainers(settings));
    }

    /** The i-th container is created from {@code containers.apply(i)}; its ports are still the settings'. */
    BenchFleet(DockerGateway docker, BenchSettings settings, IntFunction<ContainerSpec> containers) {
        this.docker = requireNonNull(docker, "docker is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.containers = requireNonNull(containers, "containers is null");
    }

    private static IntFunction<ContainerSpec> benchContainers(BenchSettings settings) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        // antfleet.fleet too: the run loop's Docker check finds a fleet's containers by it (idle-cycle)
        return i -> new ContainerSpec("bench-" + run + "-" + i, settings.image(),
                Map.of(LABEL, "true", io.antfleet.engine.apply.FleetLabels.FLEET, "bench-" + run), "host", null, null,
                null, null);
    }

    public String image() {
        return settings.image();
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** Creates the containers, then adds (and with {@code start}, starts) their nodes in parallel. */
    public void create(boolean start) {
        grow(settings.containers(), start);
    }

    /**
     * Creates containers up to the {@code upTo}-th and adds (with {@code start}, starts) their nodes, several
     * containers at once; the ones there already are left as they are.
     */
    public void grow(int upTo, boolean start) {
        int from = names.size();
        List<ContainerSpec> specs = new ArrayList<>();
        for (int i = from; i < Math.min(upTo, settings.containers()); i++) {
            ContainerSpec spec = containers.apply(i);
            specs.add(spec);
            names.add(spec.name());
        }
        parallel(from, i -> {
            docker.createAndStart(specs.get(i - from));
            populate(i, start);
        });
    }

    private void populate(int i, boolean start) {
        String c = names.get(i);
        writeFile(c, "/etc/antctl-standin/config", "peer_wait_ms=0\n");
        int n = settings.nodesPerContainer();
        antctl(c, "add", "--count", Integer.toString(n), "--node-port", range(settings.nodePort(i), n),
                "--metrics-port", range(settings.metricsPort(i), n), "--rpc-port", range(settings.rpcPort(i), n),
                "--no-upnp", "--rewards-address", WALLET, "evm-arbitrum-one");
        if (start) {
            startAll(c);
        }
    }

    /**
     * Our ports lie in Linux's ephemeral range (32768-60999): now and then the stand-in's peer probe of a
     * node's rpc port connects to itself before the node binds it, and that port then sits in TIME_WAIT for
     * 60 s. {@code antctl start} again (it starts only what is stopped) until {@link #START_BOUND} has passed.
     * Reserving the ports ({@code sysctl net.ipv4.ip_local_reserved_ports=50000-54999}) avoids it.
     */
    private void startAll(String container) {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (true) {
            try {
                antctl(container, "start");
                return;
            } catch (AntfleetException e) {
                if (System.nanoTime() > deadline) {
                    ExecResult logs = docker.exec(container, List.of("grep", "-r", "-h", "antnode:", "/var/log/antnode"),
                            "root", Map.of(), null, Duration.ofSeconds(30));
                    throw new AntfleetException(e.getMessage() + "; node logs: " + logs.stdout().strip(), e);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("bench set-up interrupted", e);
        }
    }

    private static String range(int first, int count) {
        return count == 1 ? Integer.toString(first) : first + "-" + (first + count - 1);
    }

    private void antctl(String container, String... args) {
        List<String> command = new ArrayList<>(List.of("antctl"));
        command.addAll(List.of(args));
        ExecResult r = docker.exec(container, command, "root", Map.of(), null, ANTCTL_BOUND);
        if (r.exitCode() != 0) {
            throw new AntfleetException("bench set-up: antctl " + String.join(" ", args) + " in " + container
                    + " exited " + r.exitCode() + ": " + r.stderr().strip() + " " + failures(r.stdout()));
        }
    }

    private static String failures(String stdout) {
        return stdout.lines().filter(l -> l.contains("\u2715") || l.contains("rror")).limit(5).toList().toString();
    }

    private void writeFile(String container, String path, String content) {
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        // stdin's end is not signalled through the httpclient5 transport: read an exact byte count
        ExecResult r = docker.exec(container, List.of("dd", "of=" + path, "bs=1", "count=" + bytes), "root", Map.of(),
                content, Duration.ofSeconds(30));
        if (r.exitCode() != 0) {
            throw new AntfleetException("bench set-up: cannot write " + path + " in " + container + ": " + r.stderr());
        }
    }

    /** Runs {@code task} for the containers from the {@code from}-th on, 8 at a time. */
    private void parallel(int from, java.util.function.IntConsumer task) {
        if (from >= names.size()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(names.size() - from, 8), r -> new Thread(r, "bench-setup"));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = from; i < names.size(); i++) {
                int index = i;
                done.add(pool.submit(() -> task.accept(index)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new AntfleetException("bench set-up failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntfleetException("bench set-up interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    /** Removes the containers, 8 at a time (100 one after another took most of a minute). */
    public void close() {
        parallel(0, i -> {
            try {
                docker.remove(names.get(i), true);
            } catch (DockerOperationException e) {
                // already gone
            }
        });
    }
}
