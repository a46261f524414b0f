package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The dashboard and its API on the JDK's HTTP server (HTTPS when given a certificate). Four owned, named
 * threads answer, so a slow action leaves the pages answering; {@link #close()} stops them.
 */
public final class DashboardServer implements AutoCloseable {
    private static final int THREADS = 4;
    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";

    private final HttpServer server;
    private final ExecutorService executor;
    private final boolean tls;

    public DashboardServer(InetSocketAddress listen, Optional<SSLContext> tlsContext, ServeToken token, FleetView fleet,
            JournalView journal, HistoryView history, DashboardActions actions, Clock clock) {
        requireNonNull(listen, "listen is null");
        requireNonNull(tlsContext, "tlsContext is null");
        // The JDK server waits for a request's headers and body without end unless told; a client that
        // trickles them (slowloris) would hold one of the four threads. Read once, when the server starts.
        if (System.getProperty(MAX_REQUEST_TIME) == null) {
            System.setProperty(MAX_REQUEST_TIME, "30");
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "antfleet-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.tls = tlsContext.isPresent();
        try {
            if (tlsContext.isPresent()) {
                HttpsServer https = HttpsServer.create(listen, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tlsContext.get()));
                this.server = https;
            } else {
                this.server = HttpServer.create(listen, 64);
            }
        } catch (IOException e) {
            executor.shutdownNow();
            throw new AntfleetException("cannot listen for the dashboard on " + listen + ": " + e.getMessage(), e);
        }
        DashboardRoutes routes = new DashboardRoutes(new Authenticator(token, new Sessions(clock)), fleet, journal,
                history, actions, clock, tls);
        server.createContext("/", routes::handle);
        server.setExecutor(executor);
        server.start();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8765}. */
    public String baseUrl() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return (tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
