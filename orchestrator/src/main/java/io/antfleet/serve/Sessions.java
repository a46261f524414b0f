package io.antfleet.serve;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions made by {@code /login?token=…}: a random id (the cookie) and its own CSRF token, in
 * memory, so a restart of {@code serve} logs everyone out. Thread safe.
 */
public final class Sessions {
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 1000;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** @param csrf sent back with every changing request, in the {@code X-CSRF-Token} header */
    public record Session(String id, String csrf, Instant expiresAt) {
    }

    public Session create() {
        Instant now = clock.instant();
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().removeIf(s -> !s.expiresAt().isAfter(now));
        }
        Session s = new Session(randomText(), randomText(), now.plus(LIFETIME));
        byId.put(s.id(), s);
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.expiresAt().isAfter(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private String randomText() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
