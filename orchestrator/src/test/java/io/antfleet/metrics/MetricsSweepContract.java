package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every sweep transport must do; {@link SocketSweepTest} and {@link JdkHttpSweepTest} run it. */
abstract class MetricsSweepContract {
    abstract SweepTransport transport();

    /** The reason reported for a body that stalls after its headers. */
    abstract String stalledBodyReason();

    private static final String METRICS = NodeReadingsMapperTest.resource("antnode-metrics.txt");
    private static final String METADATA = NodeReadingsMapperTest.resource("antnode-metadata.txt");

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch releaseStalled = new CountDownLatch(1);
    private final MetricsSweep sweep = new MetricsSweep(
            new SweepSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 8, 2), transport());

    @AfterEach
    void stopServers() {
        sweep.close();
        releaseStalled.countDown();
        servers.forEach(s -> s.stop(0));
        handlers.shutdownNow();
    }

    private int serve(String metricsBody, int metricsStatus, String metadataBody) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> answer(ex, metricsStatus, metricsBody));
        server.createContext("/metadata", ex -> answer(ex, 200, metadataBody));
        server.setExecutor(handlers);
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private int serveStalled() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try {
                releaseStalled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(handlers);
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/openmetrics-text;charset=utf-8;version=1.0.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private SweptNode probeOne(int port) {
        return sweep.sweep(List.of(SweepTarget.local("n", port))).get(0);
    }

    @Test
    void aNodeAnsweringBothEndpointsWithValidBodiesIsRunningWithItsReadings() throws IOException {
        SweptNode probe = probeOne(serve(METRICS, 200, METADATA));

        assertThat(probe.failure()).isNull();
        assertThat(probe.isRunning()).isTrue();
        assertThat(probe.readings().version()).isEqualTo("0.4.17");
        assertThat(probe.readings().puts()).isEqualTo(1255L);
    }

    @Test
    void aChunkedAnswerIsReadWhole() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> chunked(ex, METRICS));
        server.createContext("/metadata", ex -> chunked(ex, METADATA));
        server.setExecutor(handlers);
        server.start();
        servers.add(server);

        SweptNode probe = probeOne(server.getAddress().getPort());

        assertThat(probe.failure()).isNull();
        assertThat(probe.readings().peerId()).startsWith("12D3KooW");
    }

    private static void chunked(HttpExchange exchange, String body) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += 700) {
                out.write(bytes, i, Math.min(700, bytes.length - i));
                out.flush();
            }
        }
    }

    @Test
    void hostileValuesAreRefusedForTheirOwnNodeAndTheHealthyOnesBesideThemAreRead() throws IOException {
        String rewards = METRICS.replaceFirst("(?m)^ant_node_current_reward_wallet_balance (\\S+)$",
                "ant_node_current_reward_wallet_balance 1e-999999999");
        String longVersion = METADATA.replace("antnode_version=\"0.4.17\"", "antnode_version=\"" + "9".repeat(300) + "\"");
        String newlineVersion = METADATA.replace("antnode_version=\"0.4.17\"", "antnode_version=\"0.4.17\\nnodes,id=1 x=1i\"");
        String longPeer = METADATA.replaceFirst("peer_id=\"[^\"]+\"", "peer_id=\"" + "A".repeat(200) + "\"");
        String longValue = METRICS.replaceFirst("(?m)^ant_node_uptime \\S+", "ant_node_uptime 1" + "0".repeat(150));
        assertThat(rewards).contains("1e-999999999");
        List<Integer> ports = List.of(serve(METRICS, 200, METADATA), serve(rewards, 200, METADATA),
                serve(METRICS, 200, longVersion), serve(METRICS, 200, newlineVersion), serve(METRICS, 200, longPeer),
                serve(longValue, 200, METADATA), serve(METRICS, 200, METADATA));
        List<SweepTarget> targets = new ArrayList<>();
        ports.forEach(p -> targets.add(SweepTarget.local("n" + targets.size(), p)));

        List<SweptNode> probes = sweep.sweep(targets);

        assertThat(probes.get(0).readings().puts()).isEqualTo(1255L);
        assertThat(probes.get(6).readings().puts()).isEqualTo(1255L);
        assertThat(probes.get(1).failure()).contains("ant_node_current_reward_wallet_balance", "1e-999999999", "at most 100");
        assertThat(probes.get(2).failure()).contains("label antnode_version has a value of 300 bytes");
        assertThat(probes.get(3).failure()).contains("is not a version");
        assertThat(probes.get(4).failure()).contains("is not a peer id");
        assertThat(probes.get(5).failure()).contains("value of 151 characters");
        assertThat(probes.subList(1, 6)).noneMatch(SweptNode::isRunning);
    }

    @Test
    void anAnswerOverOneMebibyteIsRefusedAndTheNextIsReadAsUsual() throws IOException {
        String huge = "# HELP padding\n".repeat(80_000) + METRICS;
        int big = serve(huge, 200, METADATA);
        int normal = serve(METRICS, 200, METADATA);

        List<SweptNode> probes = sweep.sweep(List.of(SweepTarget.local("big", big), SweepTarget.local("normal", normal)));

        assertThat(probes.get(0).failure()).contains("larger than 1048576 bytes");
        assertThat(probes.get(1).isRunning()).isTrue();
    }

    @Test
    void aNodeWhoseMetricsAnswer404IsNotRunning() throws IOException {
        SweptNode probe = probeOne(serve("not found", 404, METADATA));

        assertThat(probe.isRunning()).isFalse();
        assertThat(probe.failure()).isEqualTo("GET /metrics: HTTP 404");
    }

    @Test
    void aNodeAnsweringGarbageWith200IsNotRunning() throws IOException {
        SweptNode probe = probeOne(serve("<html>hello</html>", 200, METADATA));

        assertThat(probe.isRunning()).isFalse();
        assertThat(probe.failure()).startsWith("GET /metrics: invalid body").contains("# EOF");
    }

    @Test
    void aNodeWithValidMetricsButGarbageMetadataIsNotRunning() throws IOException {
        SweptNode probe = probeOne(serve(METRICS, 200, "# EOF\n"));

        assertThat(probe.isRunning()).isFalse();
        assertThat(probe.failure()).contains("antnode_version");
    }

    @Test
    void aRefusedConnectionIsNotRunning() throws IOException {
        SweptNode probe = probeOne(closedPort());

        assertThat(probe.isRunning()).isFalse();
        assertThat(probe.failure()).isEqualTo("GET /metrics: connection refused");
    }

    @Test
    void aStalledEndpointIsCutOffByThePerRequestTimeoutWhileTheOthersAreRead() throws IOException {
        int good = serve(METRICS, 200, METADATA);
        int stalled = serveStalled();
        List<SweepTarget> targets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            targets.add(SweepTarget.local("node" + i, i % 4 == 0 ? stalled : good));
        }

        List<SweptNode> probes = sweep.sweep(targets);

        assertThat(probes).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(probes.get(i).target().id()).isEqualTo("node" + i);
            if (i % 4 == 0) {
                assertThat(probes.get(i).failure()).isEqualTo("GET /metrics: timed out after 1000 ms");
            } else {
                assertThat(probes.get(i).failure()).isNull();
            }
        }
    }

    @Test
    void aNodeThatTimedOutInTheLastSweepIsProbedFirstInTheNextSoItsWaitOverlapsTheOthers() throws IOException {
        List<String> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> {
            arrivals.add("good");
            answer(ex, 200, METRICS);
        });
        server.createContext("/metadata", ex -> answer(ex, 200, METADATA));
        server.setExecutor(handlers);
        server.start();
        servers.add(server);
        int good = server.getAddress().getPort();
        HttpServer hanging = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hanging.createContext("/", ex -> {
            arrivals.add("hanging");
            try {
                releaseStalled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        hanging.setExecutor(handlers);
        hanging.start();
        servers.add(hanging);
        List<SweepTarget> targets = List.of(SweepTarget.local("a", good), SweepTarget.local("b", good),
                SweepTarget.local("hangs", hanging.getAddress().getPort()), SweepTarget.local("d", good));
        // a request bound far above a loopback answer, so that only the hanging node times out even on a loaded
        // machine (300 ms once timed a healthy node out at load 33); the second sweep's probe-first wait is 500 ms
        try (MetricsSweep oneAtATime = new MetricsSweep(
                new SweepSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 1), transport())) {
            assertThat(oneAtATime.sweep(targets)).extracting(SweptNode::isRunning).containsExactly(true, true, false, true);
            assertThat(arrivals).containsExactly("good", "good", "hanging", "good");
            arrivals.clear();

            List<SweptNode> probes = oneAtATime.sweep(targets);

            assertThat(arrivals).containsExactly("hanging", "good", "good", "good");
            assertThat(probes).extracting(p -> p.target().id()).containsExactly("a", "b", "hangs", "d");
            assertThat(probes.get(2).failure()).startsWith("GET /metrics: timed out after");
        }
    }

    @Test
    void aBodyThatStallsAfterItsHeadersIsCutOffByTheWatchdog() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> {
            ex.sendResponseHeaders(200, 1_000);
            ex.getResponseBody().write("# HELP half a body".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                releaseStalled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(handlers);
        server.start();
        servers.add(server);

        SweptNode probe = probeOne(server.getAddress().getPort());

        assertThat(probe.failure()).isEqualTo("GET /metrics: " + stalledBodyReason());
    }

    @Test
    void noMoreNodesThanTheLimitAreReadAtOnce() throws IOException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            answer(ex, 200, METRICS);
        });
        server.createContext("/metadata", ex -> {
            inFlight.decrementAndGet();
            answer(ex, 200, METADATA);
        });
        server.setExecutor(handlers);
        server.start();
        servers.add(server);
        List<SweepTarget> targets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            targets.add(SweepTarget.local("n" + i, server.getAddress().getPort()));
        }

        List<SweptNode> probes = sweep.sweep(targets);

        assertThat(probes).extracting(SweptNode::failure).containsOnlyNulls();
        assertThat(peak.get()).isBetween(1, 8);
    }
}
