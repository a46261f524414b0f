package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sweep reads a node's /metadata once, and again when the node restarted or had stopped answering. */
class MetadataCachingSweepTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String METRICS = NodeReadingsMapperTest.resource("antnode-metrics.txt");
    private static final String METADATA = NodeReadingsMapperTest.resource("antnode-metadata.txt");

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final AtomicLong uptime = new AtomicLong(86_400);
    private final AtomicReference<String> version = new AtomicReference<>("0.4.17");
    private final AtomicInteger metadataReads = new AtomicInteger();
    private final AtomicInteger metricsStatus = new AtomicInteger(200);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final MetricsSweep sweep = new MetricsSweep(new SweepSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 2),
            SweepTransport.SOCKET, new MetadataCache(clock::get));
    private HttpServer server;
    private SweepTarget node;

    @BeforeEach
    void startNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> answer(ex, metricsStatus.get(),
                METRICS.replace("ant_node_uptime 86400 ", "ant_node_uptime " + uptime.get() + " ")));
        server.createContext("/metadata", ex -> {
            metadataReads.incrementAndGet();
            answer(ex, 200, METADATA.replace("antnode_version=\"0.4.17\"", "antnode_version=\"" + version.get() + "\""));
        });
        server.setExecutor(handlers);
        server.start();
        node = SweepTarget.local("c/antnode1", server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        sweep.close();
        server.stop(0);
        handlers.shutdownNow();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void elapse(long seconds) {
        clock.addAndGet(seconds * SECOND);
        uptime.addAndGet(seconds);
    }

    private SweptNode sweepOnce() {
        return sweep.sweep(List.of(node)).get(0);
    }

    @Test
    void aRunningNodesMetadataIsReadOnceAndItsReadingsStayComplete() {
        SweptNode first = sweepOnce();
        elapse(60);
        SweptNode second = sweepOnce();
        elapse(60);
        SweptNode third = sweepOnce();

        assertThat(metadataReads).hasValue(1);
        assertThat(third.readings().version()).isEqualTo("0.4.17");
        assertThat(third.readings().peerId()).isEqualTo(first.readings().peerId()).startsWith("12D3KooW");
        assertThat(second.readings().uptimeSeconds()).isEqualTo(86_460L);
        assertThat(third.readings().uptimeSeconds()).isEqualTo(86_520L);
    }

    @Test
    void aRestartedNodesNewVersionIsPickedUp() {
        sweepOnce();
        clock.addAndGet(60 * SECOND);
        uptime.set(12);
        version.set("0.4.18");

        SweptNode after = sweepOnce();

        assertThat(after.readings().version()).isEqualTo("0.4.18");
        assertThat(metadataReads).hasValue(2);
    }

    @Test
    void aNodeThatStoppedAnsweringHasItsMetadataReadAgainWhenItAnswers() {
        sweepOnce();
        metricsStatus.set(503);
        assertThat(sweepOnce().isRunning()).isFalse();
        metricsStatus.set(200);
        version.set("0.4.18");
        elapse(60);

        assertThat(sweepOnce().readings().version()).isEqualTo("0.4.18");
        assertThat(metadataReads).hasValue(2);
    }

    @Test
    void aFreshSweepReadsTheMetadataEveryTimeAndTheNextSweepSeesWhatItRead() {
        sweepOnce();
        version.set("0.4.18");
        elapse(1);

        assertThat(sweep.sweepFresh(List.of(node)).get(0).readings().version()).isEqualTo("0.4.18");
        elapse(1);
        assertThat(sweepOnce().readings().version()).isEqualTo("0.4.18");
        assertThat(metadataReads).hasValue(2);
    }
}
