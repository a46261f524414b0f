package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every path the dashboard answers, behind the {@link Authenticator}. */
final class DashboardRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardRoutes.class);
    private static final Pattern NODE_ACTION = Pattern.compile("/api/v1/nodes/([^/]+)/([^/]+)/([a-z]+)");
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/static/app.js", "app.js", "/static/app.css", "app.css",
            "/static/chart.umd.min.js", "chart.umd.min.js", "/api/v1/openapi.json", "openapi.json");
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(6);

    private final Authenticator auth;
    private final FleetView fleet;
    private final JournalView journal;
    private final HistoryView history;
    private final DashboardActions actions;
    private final Clock clock;
    private final boolean tls;
    private final ObjectMapper json = new ObjectMapper();

    DashboardRoutes(Authenticator auth, FleetView fleet, JournalView journal, HistoryView history,
            DashboardActions actions, Clock clock, boolean tls) {
        this.auth = requireNonNull(auth, "auth is null");
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.journal = requireNonNull(journal, "journal is null");
        this.history = requireNonNull(history, "history is null");
        this.actions = requireNonNull(actions, "actions is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.tls = tls;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            try {
                route(exchange, path);
            } catch (BadRequestException e) {
                Exchanges.error(exchange, e.status(), e.getMessage());
            } catch (AntfleetException e) {
                LOG.warn("{} {} failed: {}", exchange.getRequestMethod(), path, e.getMessage());
                Exchanges.error(exchange, 500, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), path, e);
                Exchanges.error(exchange, 500, "internal error: " + e.getClass().getSimpleName());
            }
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals("/login")) {
            login(exchange);
            return;
        }
        if (path.equals("/static/app.css")) {
            resource(exchange, "app.css");
            return;
        }
        Optional<Authenticator.Caller> caller = auth.caller(exchange);
        if (caller.isEmpty()) {
            refuse(exchange, path);
            return;
        }
        if (method.equals("POST")) {
            change(exchange, path, caller.get());
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new BadRequestException(405, method + " is not allowed on " + path);
        }
        if (STATIC.containsKey(path)) {
            resource(exchange, STATIC.get(path));
            return;
        }
        read(exchange, path, caller.get());
    }

    private void read(HttpExchange exchange, String path, Authenticator.Caller caller) throws IOException {
        Map<String, String> q = Exchanges.query(exchange);
        switch (path) {
            case "/logout" -> {
                caller.session().ifPresent(s -> auth.sessions().end(s.id()));
                Exchanges.redirect(exchange, "/login");
            }
            case "/api/v1/session" -> Exchanges.json(exchange, 200, json.createObjectNode()
                    .put("csrf", caller.session().map(Sessions.Session::csrf).orElse(null)));
            case "/api/v1/fleet" -> Exchanges.json(exchange, 200, fleet.fleet());
            case "/api/v1/decisions" -> Exchanges.json(exchange, 200, journal.decisions(limit(q)));
            case "/api/v1/operations" -> Exchanges.json(exchange, 200, journal.operations(limit(q)));
            case "/api/v1/readings" -> Exchanges.json(exchange, 200, history.readings(q.get("node"), q.get("host"),
                    since(q.get("since"))));
            case "/api/v1/history" -> Exchanges.json(exchange, 200, history.history(since(q.get("since"))));
            default -> throw new BadRequestException(404, "nothing at " + path);
        }
    }

    /** POSTs: a session, its CSRF token and {@code {"confirm": true}} in the body, or nothing changes. */
    private void change(HttpExchange exchange, String path, Authenticator.Caller caller) throws IOException {
        auth.requireChangeAllowed(exchange, caller);
        JsonNode body = Exchanges.jsonBody(exchange);
        if (!body.path("confirm").asBoolean(false)) {
            throw new BadRequestException(400, "not confirmed: send {\"confirm\": true} once the operator agreed");
        }
        Matcher m = NODE_ACTION.matcher(path);
        String done;
        if (m.matches()) {
            done = actions.node(DashboardActions.nodeAction(m.group(3)), Exchanges.query(exchange).get("host"), m.group(1),
                    m.group(2));
        } else if (path.equals("/api/v1/apply")) {
            done = actions.applyLastSpec();
        } else if (path.equals("/api/v1/autoscaler/pause")) {
            done = actions.pause(true);
        } else if (path.equals("/api/v1/autoscaler/resume")) {
            done = actions.pause(false);
        } else {
            throw new BadRequestException(404, "nothing to change at " + path);
        }
        LOG.info("dashboard: {}", done);
        Exchanges.json(exchange, 200, json.createObjectNode().put("done", done));
    }

    private void login(HttpExchange exchange) throws IOException {
        String given = Exchanges.query(exchange).get("token");
        if (given == null || !auth.tokenMatches(given)) {
            loginPage(exchange, 401, given != null);
            return;
        }
        Sessions.Session s = auth.sessions().create();
        exchange.getResponseHeaders().add("Set-Cookie", Authenticator.COOKIE + "=" + s.id()
                + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + Sessions.LIFETIME.toSeconds() + (tls ? "; Secure" : ""));
        Exchanges.redirect(exchange, "/");
    }

    private void refuse(HttpExchange exchange, String path) throws IOException {
        if (path.startsWith("/api/")) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"antfleet\"");
            Exchanges.error(exchange, 401, "log in: /login?token=… from the serve.token file, or Authorization: Bearer <token>");
        } else {
            loginPage(exchange, 401, false);
        }
    }

    private void loginPage(HttpExchange exchange, int status, boolean wrongToken) throws IOException {
        String page = new String(bytes("login.html"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("{{problem}}", wrongToken ? "That token is not the one in serve.token." : "");
        Exchanges.send(exchange, status, "text/html; charset=utf-8", page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void resource(HttpExchange exchange, String name) throws IOException {
        String type = name.endsWith(".js") ? "text/javascript; charset=utf-8" : name.endsWith(".css") ? "text/css; charset=utf-8"
                : name.endsWith(".json") ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
        Exchanges.send(exchange, 200, type, bytes(name));
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream("/io/antfleet/serve/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the dashboard file " + name);
            }
            return in.readAllBytes();
        }
    }

    private static int limit(Map<String, String> q) {
        try {
            return q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 100;
        } catch (NumberFormatException e) {
            throw new BadRequestException(400, "limit must be a number, got '" + q.get("limit") + "'");
        }
    }

    /** An ISO instant ({@code 2026-12-06T10:00:00Z}) or a window back from now ({@code 30m}, {@code 6h}, {@code 7d}). */
    Instant since(String value) {
        Instant now = clock.instant();
        if (value == null || value.isBlank()) {
            return now.minus(DEFAULT_WINDOW);
        }
        Matcher m = Pattern.compile("(\\d{1,6})([mhd])").matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = m.group(2).equals("m") ? Duration.ofMinutes(n) : m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
            return now.minus(d);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(400, "since must be an instant like 2026-12-06T10:00:00Z or a window like 6h, got '" + value + "'");
        }
    }
}
