package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@link FleetMetrics} at {@code /metrics} for Prometheus ({@code antfleet run --metrics-listen
 * 127.0.0.1:9464}). One owned, named thread answers; {@link #close()} stops it.
 */
public final class FleetMetricsServer implements AutoCloseable {
    private static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    public FleetMetricsServer(InetSocketAddress listen, FleetMetrics metrics) {
        requireNonNull(listen, "listen is null");
        requireNonNull(metrics, "metrics is null");
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "antfleet-metrics-exporter");
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(listen, 16);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new AntfleetException("cannot listen for metrics on " + listen + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> answer(exchange, metrics));
        server.setExecutor(executor);
        server.start();
    }

    /** The bound address (useful with port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void answer(HttpExchange exchange, FleetMetrics metrics) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !"/metrics".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = metrics.render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
