package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpLivenessProbeTest {
    private static final String METADATA = "# HELP ant_networking_peer_id_info Identifier of the node\n"
            + "# TYPE ant_networking_peer_id_info info\n"
            + "ant_networking_peer_id_info{peer_id=\"12D3KooWQx5bYsFJH7xUwK6MzXcbsXcLVVb7rR2FKDaoYH3Hx2pQ\"} 1\n"
            + "ant_node_antnode_version_info{antnode_version=\"0.4.17\"} 1\n# EOF\n";

    @Test
    void aNodeAnsweringValidOpenMetricsIsAliveWithItsPeerIdAndVersion() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metadata", exchange -> {
            byte[] body = METADATA.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            LivenessProbe.ProbeResult r = new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))
                    .probe(server.getAddress().getPort());

            assertThat(r.alive()).isTrue();
            assertThat(r.peerId()).isEqualTo("12D3KooWQx5bYsFJH7xUwK6MzXcbsXcLVVb7rR2FKDaoYH3Hx2pQ");
            assertThat(r.version()).isEqualTo("0.4.17");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aChunkedAnswerIsPutBackTogether() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metadata", exchange -> {
            exchange.sendResponseHeaders(200, 0); // no length: the JDK server sends it chunked
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] body = METADATA.getBytes(StandardCharsets.UTF_8);
                out.write(body, 0, 40);
                out.flush();
                out.write(body, 40, body.length - 40);
            }
        });
        server.start();
        try {
            LivenessProbe.ProbeResult r = new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))
                    .probe(server.getAddress().getPort());

            assertThat(r.alive()).isTrue();
            assertThat(r.peerId()).isEqualTo("12D3KooWQx5bYsFJH7xUwK6MzXcbsXcLVVb7rR2FKDaoYH3Hx2pQ");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void somethingElseThanHttpOnThePortIsNoAnswer() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread talker = new Thread(() -> {
                try (java.net.Socket c = s.accept()) {
                    c.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the probe has gone: nothing to tell
                }
            });
            talker.start();

            LivenessProbe.ProbeResult r = new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2)).probe(s.getLocalPort());

            assertThat(r.alive()).isFalse();
            assertThat(r.problem()).contains("no answer on port " + s.getLocalPort(), "not an HTTP answer");
            talker.join(5000);
        }
    }

    @Test
    void aClosedPortMeansNotAlive() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        LivenessProbe.ProbeResult r = new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2)).probe(port);

        assertThat(r.alive()).isFalse();
        assertThat(r.problem()).contains("no answer on port " + port);
    }

    @Test
    void anyAnswerIsNotEnoughOnlyOpenMetricsEndingInEofCounts() {
        assertThat(HttpLivenessProbe.judge(200, "hello").alive()).isFalse();
        assertThat(HttpLivenessProbe.judge(404, "# EOF\n").alive()).isFalse();
        assertThat(HttpLivenessProbe.judge(200, METADATA).alive()).isTrue();
    }

    @Test
    void aVersionOrPeerIdAntfleetRefusesIsDroppedWithTheReasonNotKept() {
        LivenessProbe.ProbeResult r = HttpLivenessProbe.judge(200, METADATA.replace("0.4.17", "0.4.17 $(id)")
                .replace("12D3KooWQx5bYsFJH7xUwK6MzXcbsXcLVVb7rR2FKDaoYH3Hx2pQ", "x".repeat(500)));

        assertThat(r.alive()).isTrue();
        assertThat(r.version()).isNull();
        assertThat(r.peerId()).isNull();
        assertThat(r.problem()).contains("is not a version", "is not a peer id");
    }

    @Test
    void anAnswerOverItsBoundIsNotRead() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        byte[] big = ("# HELP x\n".repeat(10_000) + METADATA).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext("/metadata", ex -> {
            ex.sendResponseHeaders(200, big.length);
            try (java.io.OutputStream out = ex.getResponseBody()) {
                out.write(big);
            }
        });
        server.start();
        try {
            LivenessProbe.ProbeResult r = new HttpLivenessProbe("127.0.0.1", java.time.Duration.ofSeconds(5))
                    .probe(server.getAddress().getPort());

            assertThat(r.alive()).isFalse();
            assertThat(r.problem()).contains("more than " + HttpLivenessProbe.MAX_BODY + " bytes");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBodyThatStallsAfterItsHeadersIsCutAtTwiceTheTimeout() throws IOException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metadata", ex -> {
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write("# HELP".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newSingleThreadExecutor());
        server.start();
        try {
            long t0 = System.nanoTime();
            LivenessProbe.ProbeResult r = new HttpLivenessProbe("127.0.0.1", java.time.Duration.ofMillis(500))
                    .probe(server.getAddress().getPort());

            assertThat(r.alive()).isFalse();
            assertThat(r.problem()).contains("no whole answer", "within 1000 ms");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(10));
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void aBatchIsAnsweredInOrderEachPortOnItsOwn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metadata", exchange -> {
            byte[] body = METADATA.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try {
            int open = server.getAddress().getPort();
            java.util.List<LivenessProbe.ProbeResult> r = new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))
                    .probeAll(java.util.List.of(open, closed, open));

            assertThat(r).extracting(LivenessProbe.ProbeResult::alive).containsExactly(true, false, true);
            assertThat(r.get(0).peerId()).isEqualTo("12D3KooWQx5bYsFJH7xUwK6MzXcbsXcLVVb7rR2FKDaoYH3Hx2pQ");
            assertThat(r.get(1).problem()).contains("no answer on port " + closed);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void stalledAnswersInABatchShareOneBoundInsteadOfWaitingInTurn() throws IOException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metadata", ex -> {
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write("# HELP".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try {
            int port = server.getAddress().getPort();
            long t0 = System.nanoTime();
            java.util.List<LivenessProbe.ProbeResult> r = new HttpLivenessProbe("127.0.0.1", Duration.ofMillis(500))
                    .probeAll(java.util.Collections.nCopies(6, port));

            assertThat(r).hasSize(6).allSatisfy(p -> assertThat(p.alive()).isFalse());
            // asked in turn, six stalls would take at least 6 x 1000 ms
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void aBigBatchIsReadWithoutStartingAThreadPerRequest() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/metadata", exchange -> {
            byte[] body = METADATA.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8, r -> new Thread(r, "test-server")));
        server.start();
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        try {
            java.util.List<LivenessProbe.ProbeResult> r = new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))
                    .probeAll(java.util.Collections.nCopies(40, server.getAddress().getPort()));

            assertThat(r).hasSize(40).allSatisfy(p -> assertThat(p.alive()).isTrue());
            // the JDK HTTP client, without an executor of its own, started a worker per request under way: 105
            // threads, some 10 MB of the JVM's peak, when apply probed 20 containers' batches of 25 at once
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).map(Thread::getName))
                    .allMatch("test-server"::equals);
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
