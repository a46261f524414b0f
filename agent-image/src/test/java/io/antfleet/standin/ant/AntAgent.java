package io.antfleet.standin.ant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;

/**
 * A container of the v2 agent image under test ({@code -Dant.image}, default {@code antfleet/agent:ant-stand-in};
 * the production recipe image in a second failsafe run), on the host network as antfleet runs agents. Each test
 * gets its own {@link World}: its own {@code XDG_DATA_HOME}, so its own registry and daemon, in the same container.
 */
final class AntAgent implements AutoCloseable {
    static final String IMAGE = System.getProperty("ant.image", "antfleet/agent:ant-stand-in");
    static final String ADDRESS = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    static final ObjectMapper JSON = new ObjectMapper();

    record Exec(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }
    }

    private final GenericContainer<?> container;
    private final AtomicInteger worlds = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @SuppressWarnings("resource")
    AntAgent(String testClass) {
        container = new GenericContainer<>(IMAGE)
                .withNetworkMode("host")
                .withLabels(Map.of("io.antfleet.helper", "ant-it", "io.antfleet.test", testClass))
                .withCreateContainerCmdModifier(cmd -> cmd.withName("ant-it-" + testClass + "-"
                        + UUID.randomUUID().toString().substring(0, 8)));
        container.start();
    }

    /** Seconds any one command may take; `timeout` in the container bounds each exec (Docker's exec has none). */
    static final int EXEC_TIMEOUT_SECONDS = 60;

    /** A command as the image's default user, with no extra environment, killed after {@link #EXEC_TIMEOUT_SECONDS}. */
    Exec sh(String... args) {
        List<String> bounded = new ArrayList<>(List.of("timeout", String.valueOf(EXEC_TIMEOUT_SECONDS)));
        bounded.addAll(List.of(args));
        try {
            Container.ExecResult r = container.execInContainer(StandardCharsets.UTF_8, bounded.toArray(String[]::new));
            return new Exec(r.getExitCode(), r.getStdout(), r.getStderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ant-node binaries the image ships, by version: /opt/ant-node/VERSION/ant-node. */
    List<String> nodeVersions() {
        List<String> versions = new ArrayList<>();
        for (String line : sh("sh", "-c", "ls /opt/ant-node").out().split("\n")) {
            if (line.matches("\\d+\\.\\d+\\.\\d+.*")) {
                versions.add(line.trim());
            }
        }
        versions.sort(AntAgent::compareVersions);
        return versions;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    String nodeBinary(String version) {
        return "/opt/ant-node/" + version + "/ant-node";
    }

    World world() {
        return new World("/tmp/ant-it-" + worlds.incrementAndGet());
    }

    HttpResponse<String> http(String method, int port, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An SSE subscription to /api/v1/events: every line received, in order. */
    final class Events implements AutoCloseable {
        final java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.CompletableFuture<?> stream;
        private volatile boolean connected;

        Events(int port) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events")).build();
            stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(r -> {
                        connected = true;
                        r.body().forEach(lines::add);
                    });
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> connected);
        }

        /** The data lines (JSON) of the events received so far. */
        java.util.List<String> data() {
            return lines.stream().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        }

        @Override
        public void close() {
            stream.cancel(true);
        }
    }

    Events events(int port) {
        return new Events(port);
    }

    HttpClient httpClient() {
        return http;
    }

    @Override
    public void close() {
        container.stop();
    }

    /** One ant world: XDG_DATA_HOME=home, so {@code <D>} = home/ant. */
    final class World {
        final String home;
        final String dir;

        World(String home) {
            this.home = home;
            this.dir = home + "/ant";
        }

        /** {@code ant args...} in this world. */
        Exec ant(String... args) {
            return env(List.of(), args);
        }

        /** {@code ant args...} with extra environment entries (KEY=VALUE) for this call. */
        Exec env(List<String> env, String... args) {
            List<String> all = new ArrayList<>(List.of("env", "XDG_DATA_HOME=" + home));
            all.addAll(env);
            all.add("ant");
            all.addAll(List.of(args));
            return sh(all.toArray(String[]::new));
        }

        Exec ok(String... args) {
            Exec r = ant(args);
            if (r.exit() != 0) {
                throw new AssertionError("ant " + String.join(" ", args) + " failed: " + r);
            }
            return r;
        }

        /** Adds nodes from the oldest shipped ant-node with --path, as JSON. */
        JsonNode add(String... flags) {
            List<String> all = new ArrayList<>(List.of("node", "add", "--json", "--rewards-address", ADDRESS,
                    "--path", nodeBinary(nodeVersions().get(0))));
            all.addAll(List.of(flags));
            return ok(all.toArray(String[]::new)).json();
        }

        JsonNode startDaemon() {
            return ok("node", "daemon", "start", "--json").json();
        }

        int port() {
            return Integer.parseInt(file("daemon.port"));
        }

        String file(String name) {
            return sh("cat", dir + "/" + name).out();
        }

        boolean exists(String path) {
            return sh("test", "-e", path).exit() == 0;
        }

        HttpResponse<String> get(String path) {
            return http("GET", port(), path, null, null);
        }

        HttpResponse<String> agentDelete(int id) {
            return http("DELETE", port(), "/api/v1/nodes/" + id, null, null);
        }

        HttpResponse<String> post(String path) {
            return http("POST", port(), path, null, null);
        }

        JsonNode status() {
            return ok("node", "status", "--json").json();
        }

        JsonNode node(int id) {
            for (JsonNode n : status().get("nodes")) {
                if (n.get("node_id").asInt() == id) {
                    return n;
                }
            }
            throw new AssertionError("no node " + id + " in " + status());
        }

        /** Stops this world's nodes and daemon, so the next test starts clean. */
        void shutdown() {
            if (ant("node", "daemon", "status", "--json").out().contains("\"running\": true")) {
                ant("node", "stop", "--json");
                ant("node", "daemon", "stop", "--json");
            }
            sh("sh", "-c", "for f in " + home + "/ant/nodes/*/node.pid " + home + "/*/node-*/node.pid; do "
                    + "[ -f \"$f\" ] && kill -9 $(cat \"$f\") 2>/dev/null; done; true");
        }
    }
}
