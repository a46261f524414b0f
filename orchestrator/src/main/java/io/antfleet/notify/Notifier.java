package io.antfleet.notify;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link FleetEvent}s to the configured webhooks on its own thread, so the run loop never waits
 * for a receiver. An event goes to a webhook at most once per cooldown (per kind and subject); a delivery
 * that fails (an error status, no answer within {@value #TIMEOUT_SECONDS} s) is logged and retried after
 * 5 s, 30 s and 2 min, then dropped with a last log line. Thread safe; {@link #close()} stops it.
 */
public final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final int TIMEOUT_SECONDS = 10;
    static final int CLOSE_WAIT_SECONDS = 15;
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));
    /** Deliveries waiting beyond this are dropped (logged): a dead receiver must not grow the heap. */
    private static final int MAX_QUEUED = 1000;

    private final NotifySettings settings;
    private final Clock clock;
    private final List<Duration> retries;
    private final String host;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor executor;
    private final HttpClient http;

    public Notifier(NotifySettings settings, Clock clock, String host) {
        this(settings, clock, host, RETRIES);
    }

    Notifier(NotifySettings settings, Clock clock, String host, List<Duration> retries) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.host = requireNonNull(host, "host is null");
        this.retries = List.copyOf(retries);
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "antfleet-notify");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Queues each event for each webhook that wants it and is past its cooldown; returns at once. */
    public void offer(List<FleetEvent> events) {
        Instant now = clock.instant();
        for (FleetEvent e : events) {
            for (Webhook w : settings.webhooks()) {
                if (w.events().contains(e.kind()) && pastCooldown(w, e, now)) {
                    schedule(w, e, 0, Duration.ZERO);
                }
            }
        }
    }

    private boolean pastCooldown(Webhook w, FleetEvent e, Instant now) {
        String key = w.url() + " " + e.cooldownKey();
        Instant before = lastSent.get(key);
        if (before != null && now.isBefore(before.plus(settings.cooldown()))) {
            return false;
        }
        lastSent.put(key, now);
        return true;
    }

    private void schedule(Webhook w, FleetEvent e, int attempt, Duration after) {
        if (executor.getQueue().size() >= MAX_QUEUED) {
            LOG.warn("notification {} to {} dropped: {} deliveries already waiting", e.kind().key(), w.safeName(), MAX_QUEUED);
            return;
        }
        try {
            executor.schedule(() -> deliver(w, e, attempt), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.warn("notification {} to {} not sent: antfleet is stopping", e.kind().key(), w.safeName());
        }
    }

    private void deliver(Webhook w, FleetEvent e, int attempt) {
        String problem;
        try {
            HttpResponse<String> r = http.send(Bodies.request(w, e, host).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                LOG.info("notified {} of {} {}", w.safeName(), e.kind().key(), e.subject());
                return;
            }
            problem = "HTTP " + r.statusCode();
        } catch (IOException ex) {
            problem = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt < retries.size()) {
            Duration wait = retries.get(attempt);
            LOG.warn("notifying {} of {} {} failed ({}); retrying in {} s", w.safeName(), e.kind().key(), e.subject(), problem,
                    wait.toSeconds());
            schedule(w, e, attempt + 1, wait);
        } else {
            LOG.error("notifying {} of {} {} failed {} times, last: {}; given up", w.safeName(), e.kind().key(), e.subject(),
                    attempt + 1, problem);
        }
    }

    /**
     * Lets deliveries already due go out (a {@code run --once} that found something still tells it), waiting at
     * most {@value #CLOSE_WAIT_SECONDS} s; retries not yet due are dropped.
     */
    @Override
    public void close() {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("notifications still being delivered after {} s were dropped", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }

    /** The request bodies of the presets. */
    static final class Bodies {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        private Bodies() {
        }

        static HttpRequest.Builder request(Webhook w, FleetEvent e, String host) {
            HttpRequest.Builder b = HttpRequest.newBuilder(w.url()).header("User-Agent", "antfleet");
            String title = "antfleet on " + host + ": " + e.kind().key();
            switch (w.preset()) {
                case NTFY:
                    // ntfy: the body is the message; title, priority and tags go in headers
                    return b.header("Title", title).header("Priority", "high").header("Tags", "warning")
                            .POST(HttpRequest.BodyPublishers.ofString(e.message()));
                case DISCORD:
                    return json(b, JSON.createObjectNode().put("content", "**" + title + "**\n" + e.message()));
                default:
                    return json(b, JSON.createObjectNode().put("event", e.kind().key()).put("subject", e.subject())
                            .put("message", e.message()).put("at", e.at().toString()).put("host", host));
            }
        }

        private static HttpRequest.Builder json(HttpRequest.Builder b, com.fasterxml.jackson.databind.JsonNode body) {
            try {
                return b.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException("a notification always serializes", ex);
            }
        }
    }
}
