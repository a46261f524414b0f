package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Optional;

/**
 * Who a request comes from: a browser session (cookie {@value #COOKIE}, made by {@code /login?token=…}) or a
 * script with {@code Authorization: Bearer <token>}. Only sessions may change anything, and only with their
 * CSRF token in {@code X-CSRF-Token}.
 */
final class Authenticator {
    static final String COOKIE = "antfleet_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final ServeToken token;
    private final Sessions sessions;

    Authenticator(ServeToken token, Sessions sessions) {
        this.token = requireNonNull(token, "token is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /** The caller: a session (with its CSRF token) or the bearer of the token; empty when neither. */
    record Caller(Optional<Sessions.Session> session) {
    }

    Optional<Caller> caller(HttpExchange exchange) {
        Optional<Sessions.Session> session = Exchanges.cookie(exchange, COOKIE).flatMap(sessions::find);
        if (session.isPresent()) {
            return Optional.of(new Caller(session));
        }
        List<String> auth = exchange.getRequestHeaders().getOrDefault("Authorization", List.of());
        for (String a : auth) {
            if (a.regionMatches(true, 0, "Bearer ", 0, 7) && token.matches(a.substring(7).strip())) {
                return Optional.of(new Caller(Optional.empty()));
            }
        }
        return Optional.empty();
    }

    /**
     * A changing request must come from a session and carry that session's CSRF token.
     *
     * @throws BadRequestException 403 otherwise
     */
    void requireChangeAllowed(HttpExchange exchange, Caller caller) {
        Sessions.Session session = caller.session().orElseThrow(() ->
                new BadRequestException(403, "changes need a browser session (log in with the token), not a bearer token"));
        String sent = exchange.getRequestHeaders().getFirst(CSRF_HEADER);
        if (sent == null || !java.security.MessageDigest.isEqual(session.csrf().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                sent.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new BadRequestException(403, "missing or wrong CSRF token; reload the page");
        }
    }

    boolean tokenMatches(String candidate) {
        return token.matches(candidate);
    }

    Sessions sessions() {
        return sessions;
    }
}
