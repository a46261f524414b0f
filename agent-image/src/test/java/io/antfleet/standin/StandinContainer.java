package io.antfleet.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;

/**
 * A container of {@code antfleet/agent:stand-in} with its default command (init as PID 1, stays up), on the
 * host network as antfleet runs agents. Commands run as root or as {@code ant} (user mode) through exec.
 */
final class StandinContainer implements AutoCloseable {
    /** {@code $ANTFLEET_STANDIN_IMAGE} when set (a stand-in under development), else the shared tag. */
    static final String IMAGE = System.getenv().getOrDefault("ANTFLEET_STANDIN_IMAGE", "antfleet/agent:stand-in");
    static final String ADDRESS = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    static final String USER_REGISTRY = "/home/ant/.local/share/autonomi/node/node_registry.json";
    static final String ROOT_REGISTRY = "/var/antctl/node_registry.json";

    record Exec(int exit, String out, String err) {
    }

    private final GenericContainer<?> container;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @SuppressWarnings("resource")
    StandinContainer(String testClass) {
        container = new GenericContainer<>(IMAGE)
                .withNetworkMode("host")
                .withLabels(Map.of("io.antfleet.helper", "image-it", "io.antfleet.test", testClass))
                .withCreateContainerCmdModifier(cmd -> cmd.withName("image-it-" + testClass + "-"
                        + UUID.randomUUID().toString().substring(0, 8)));
        container.start();
    }

    Exec root(String... args) {
        return exec("root", args);
    }

    Exec ant(String... args) {
        return exec("ant", args);
    }

    Exec exec(String user, String... args) {
        try {
            Container.ExecResult r = container.execInContainerWithUser(StandardCharsets.UTF_8, user, args);
            return new Exec(r.getExitCode(), r.getStdout(), r.getStderr());
        } catch (IOException e) {
            throw new IllegalStateException("exec failed: " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs antctl; every line it prints must be one an upstream format string can produce. */
    Exec antctl(String user, String... args) {
        List<String> all = new ArrayList<>(List.of("antctl"));
        all.addAll(List.of(args));
        Exec r = exec(user, all.toArray(String[]::new));
        UpstreamFormats.check(List.of(args), r.out());
        return r;
    }

    /** {@code antctl add} with the required rewards address and the trailing EVM network. */
    Exec add(String user, String... flags) {
        List<String> all = new ArrayList<>(List.of(flags));
        all.addAll(List.of("--rewards-address", ADDRESS, "evm-arbitrum-one"));
        return antctl(user, add(all));
    }

    private static String[] add(List<String> rest) {
        List<String> all = new ArrayList<>(List.of("add"));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    /** The parsed {@code status --json} nodes; empty for an empty registry. */
    List<Map<?, ?>> nodes(String user) {
        Exec r = antctl(user, "status", "--json");
        if (r.exit() != 0) {
            throw new IllegalStateException("status --json failed: " + r);
        }
        if (r.out().isEmpty()) {
            return List.of();
        }
        List<Map<?, ?>> nodes = new ArrayList<>();
        for (Object n : (List<?>) ((Map<?, ?>) Json.parse(r.out())).get("nodes")) {
            nodes.add((Map<?, ?>) n);
        }
        return nodes;
    }

    Map<?, ?> node(String user, String service) {
        return nodes(user).stream().filter(n -> service.equals(n.get("service_name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + service + " in status"));
    }

    void writeFile(String path, String content) {
        container.copyFileToContainer(Transferable.of(content, 0666), path);
    }

    /** GET from the host: the container shares the host network, and node servers bind 127.0.0.1. */
    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(3)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static final String DEFAULT_CONFIG = "peer_wait_ms=300\n";

    /**
     * Empties both registries and puts faults and config back to the image's defaults. A stalled node would
     * make reset's full refresh fail, so stall files go first.
     */
    void resetAll() {
        root("sh", "-c", "rm -f /var/antctl/services/*/stall-metrics /home/ant/.local/share/autonomi/node/*/stall-metrics");
        writeFile("/etc/antctl-standin/faults", "");
        writeFile("/etc/antctl-standin/config", DEFAULT_CONFIG);
        antctl("root", "reset", "--force");
        antctl("ant", "reset", "--force");
    }

    String containerName() {
        return container.getContainerName();
    }

    @Override
    public void close() {
        container.stop();
    }
}
