package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import io.antfleet.store.DataHome;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Starts the dashboard for {@code antfleet serve} and {@code antfleet run --serve}: the token (made on first
 * start, its login URL printed then and only then), TLS when asked, and the server over the store.
 */
public final class Dashboard {
    private final FleetView fleet;
    private final JournalView journal;
    private final HistoryView history;
    private final DashboardActions actions;
    private final Clock clock;

    @Inject
    public Dashboard(FleetView fleet, JournalView journal, HistoryView history, DashboardActions actions, Clock clock) {
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.journal = requireNonNull(journal, "journal is null");
        this.history = requireNonNull(history, "history is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * @param tls certificate and key (PEM); required for a non-loopback address
     * @throws IllegalArgumentException for a non-loopback address without TLS, or a bad address
     */
    public DashboardServer start(ListenAddress listen, Optional<TlsFiles.Pair> tls, PrintWriter out) {
        if (tls.isEmpty() && !listen.loopback()) {
            throw new IllegalArgumentException("refusing to serve on " + listen.host() + " without TLS: the token and "
                    + "session would cross the network in clear; give --tls-cert FILE --tls-key FILE, or listen on 127.0.0.1");
        }
        Optional<SSLContext> context = tls.map(p -> TlsFiles.context(p.cert(), p.key()));
        ServeToken token = ServeToken.loadOrCreate(tokenDir());
        DashboardServer server = new DashboardServer(listen.resolve(), context, token, fleet, journal, history, actions, clock);
        out.println("antfleet: dashboard at " + server.baseUrl() + "/ (token in " + token.file() + ")");
        if (token.created()) {
            out.println("antfleet: log in once with " + server.baseUrl() + "/login?token=" + token.value());
        }
        out.flush();
        return server;
    }

    static Path tokenDir() {
        return DataHome.antfleetDir();
    }
}
