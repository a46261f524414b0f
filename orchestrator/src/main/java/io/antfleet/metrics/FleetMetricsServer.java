package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@link FleetMetrics} at {@code /metrics} for Prometheus ({@code antfleet run --metrics-listen
 * 127.0.0.1:9464}). A plain socket server rather than the JDK's HttpServer: that one waits for a request
 * without end unless a JVM-wide property is set before its first use, so one client that sends half a
 * request would hold the exporter. Here every connection has {@link #REQUEST_TIME} to send its request
 * line and headers (at most {@link #MAX_REQUEST} bytes), a few owned threads answer, and {@link #close()}
 * stops them. The exporter has no authentication: anything but a loopback address earns a warning.
 */
public final class FleetMetricsServer implements AutoCloseable {
    static final Duration REQUEST_TIME = Duration.ofSeconds(5);
    static final int MAX_REQUEST = 8 * 1024;
    private static final int HANDLERS = 2;
    private static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final ServerSocket socket;
    private final ExecutorService acceptor;
    private final ExecutorService handlers;
    private final FleetMetrics metrics;
    private final Duration requestTime;

    public FleetMetricsServer(InetSocketAddress listen, FleetMetrics metrics) {
        this(listen, metrics, REQUEST_TIME);
    }

    FleetMetricsServer(InetSocketAddress listen, FleetMetrics metrics, Duration requestTime) {
        requireNonNull(listen, "listen is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.requestTime = requireNonNull(requestTime, "requestTime is null");
        try {
            this.socket = new ServerSocket();
            socket.bind(listen, 16);
        } catch (IOException e) {
            throw new AntfleetException("cannot listen for metrics on " + listen + ": " + e.getMessage(), e);
        }
        this.acceptor = Executors.newSingleThreadExecutor(named("antfleet-metrics-exporter"));
        this.handlers = Executors.newFixedThreadPool(HANDLERS, named("antfleet-metrics-answer-"));
        acceptor.execute(this::acceptLoop);
    }

    /** A warning for a listen address other hosts can reach, or null for a loopback one. */
    public static String exposureWarning(InetSocketAddress listen) {
        if (listen.getAddress() != null && listen.getAddress().isLoopbackAddress()) {
            return null;
        }
        return "--metrics-listen " + listen.getHostString() + ":" + listen.getPort() + " is not a loopback address: "
                + "anyone who can reach it reads the fleet's metrics (no authentication); prefer 127.0.0.1";
    }

    /** The bound address (useful with port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                try {
                    handlers.execute(() -> answer(client));
                } catch (RejectedExecutionException e) {
                    client.close();
                }
            } catch (IOException e) {
                // closed by close(), or one failed accept: the loop condition decides
            }
        }
    }

    private void answer(Socket client) {
        try (client) {
            long deadline = System.nanoTime() + requestTime.toNanos();
            String requestLine = readRequest(client, deadline);
            OutputStream out = client.getOutputStream();
            if (requestLine == null) {
                out.write(head(408, "Request Timeout", "text/plain", 0));
            } else if (!requestLine.startsWith("GET /metrics ") && !requestLine.startsWith("GET /metrics?")) {
                out.write(head(404, "Not Found", "text/plain", 0));
            } else {
                byte[] body = metrics.render().getBytes(StandardCharsets.UTF_8);
                out.write(head(200, "OK", CONTENT_TYPE, body.length));
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** The request line once the headers are complete; null when they do not arrive in time or in bounds. */
    private static String readRequest(Socket client, long deadline) throws IOException {
        InputStream in = client.getInputStream();
        byte[] buf = new byte[MAX_REQUEST];
        int length = 0;
        while (length < buf.length) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            int n;
            try {
                client.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                n = in.read(buf, length, buf.length - length);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (n < 0) {
                return null;
            }
            length += n;
            int end = headersEnd(buf, length);
            if (end >= 0) {
                int lineEnd = 0;
                while (lineEnd < end && buf[lineEnd] != '\r') {
                    lineEnd++;
                }
                return new String(buf, 0, lineEnd, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int headersEnd(byte[] buf, int length) {
        for (int i = 3; i < length; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static byte[] head(int status, String reason, String type, int length) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
        acceptor.shutdownNow();
        handlers.shutdownNow();
    }
}
