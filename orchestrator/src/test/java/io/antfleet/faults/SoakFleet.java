package io.antfleet.faults;

import static java.util.Objects.requireNonNull;
import static org.awaitility.Awaitility.await;

import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.docker.ExecResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The soak's fleet, set up by hand as an operator would before antfleet adopts it: the given containers,
 * each with {@code nodes} nodes added by {@code antctl add} on consecutive ports (node, metrics and rpc
 * blocks 1000 apart, from {@code firstPort + i * nodes}) and started. Removed with their volumes on close.
 */
final class SoakFleet implements AutoCloseable {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final Duration ANTCTL_BOUND = Duration.ofMinutes(5);
    /**
     * Node ports in Linux's ephemeral range can sit in TIME_WAIT after the stand-in's peer probe connected
     * a socket to itself; {@code antctl start} starts only what is stopped, so it is repeated for this long.
     */
    private static final Duration START_BOUND = Duration.ofSeconds(100);

    private final DockerGateway docker;
    private final List<String> names = new ArrayList<>();

    SoakFleet(DockerGateway docker) {
        this.docker = requireNonNull(docker, "docker is null");
    }

    /** Creates the containers, then adds and starts their nodes, eight containers at a time. */
    void create(List<ContainerSpec> containers, int nodes, int firstPort) {
        containers.forEach(c -> {
            docker.createAndStart(c);
            names.add(c.name());
        });
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> new Thread(r, "soak-setup"));
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                int first = firstPort + i * nodes;
                done.add(CompletableFuture.runAsync(() -> populate(name, nodes, first), pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
    }

    private void populate(String container, int nodes, int first) {
        String config = "peer_wait_ms=0\n";
        // stdin's end is not signalled through docker-java's httpclient5 transport: read an exact byte count
        exec(container, List.of("dd", "of=/etc/antctl-standin/config", "bs=1",
                "count=" + config.getBytes(StandardCharsets.UTF_8).length), config);
        exec(container, List.of("antctl", "add", "--count", Integer.toString(nodes), "--node-port", range(first, nodes),
                "--metrics-port", range(first + 1000, nodes), "--rpc-port", range(first + 2000, nodes), "--no-upnp",
                "--rewards-address", WALLET, "evm-arbitrum-one"), null);
        await("antctl start in " + container).atMost(START_BOUND).pollInterval(Duration.ofSeconds(3))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> exec(container, List.of("antctl", "start"), null).exitCode() == 0);
    }

    private ExecResult exec(String container, List<String> command, String stdin) {
        ExecResult r = docker.exec(container, command, "root", Map.of(), stdin, ANTCTL_BOUND);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " in " + container + " exited " + r.exitCode()
                    + ": " + r.stderr().strip());
        }
        return r;
    }

    private static String range(int first, int count) {
        return count == 1 ? Integer.toString(first) : first + "-" + (first + count - 1);
    }

    @Override
    public void close() {
        for (String name : names) {
            try {
                docker.remove(name, true);
            } catch (DockerOperationException e) {
                // already gone
            }
        }
    }
}
