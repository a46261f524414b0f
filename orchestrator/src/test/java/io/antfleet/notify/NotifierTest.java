package io.antfleet.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.antfleet.TestClock;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks against a local HTTP receiver (the JDK's server on 127.0.0.1): once per cooldown, retried, never blocking. */
class NotifierTest {
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private HttpServer receiver;
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));

    private record Received(String path, String contentType, String title, String body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (failFirst.getAndDecrement() > 0) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Title"), body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    private static Node node(long uptime) {
        NodeReadings r = new NodeReadings("12D3KooWx", "0.4.16", uptime, 10L, 9L, 4096L, 5L, 0L, "0", 0L, 0L, 0L, 30.0, 1.0,
                5L, 5L, uptime, 1000L);
        return new Node(7L, 1L, ServiceName.of("antnode3"), NodeStatus.RUNNING, 1, 2, 3, "/d", "/l", "/b", "0.4.16",
                "12D3KooWx", "0xw", r, Instant.EPOCH, Instant.EPOCH);
    }

    /** One cycle of the run loop, a minute after the last: the detector's events offered to the notifier, as RunEvents does. */
    private void cycle(EventDetector detector, Notifier notifier, long uptime) {
        clock.advance(Duration.ofMinutes(1));
        notifier.offer(detector.cycle(clock.instant(), Map.of("fleet-a", List.of(node(uptime))), Map.of(), List.of(),
                Optional.empty()).events());
    }

    @Test
    void aCrashLoopingNodeFiresOnceAndStaysQuietUntilItsCooldownHasPassed() throws IOException {
        EventDetector detector = new EventDetector();
        Webhook hook = new Webhook(url("/hook"), Webhook.Preset.GENERIC, Set.of(EventKind.CRASH_LOOPING));
        try (Notifier notifier = new Notifier(new NotifySettings(Duration.ofMinutes(30), List.of(hook)), clock, "host-a")) {
            // up 100 s, then its uptime goes back three times in three minutes: a crash loop
            for (long uptime : new long[] {100, 160, 5, 4, 3}) {
                cycle(detector, notifier, uptime);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            JsonNode body = new ObjectMapper().readTree(received.get(0).body());
            assertThat(body.get("event").asText()).isEqualTo("crash-looping");
            assertThat(body.get("subject").asText()).isEqualTo("fleet-a/antnode3");
            assertThat(body.get("message").asText()).contains("restarted 3 times");
            assertThat(body.get("host").asText()).isEqualTo("host-a");
            assertThat(received.get(0).contentType()).isEqualTo("application/json");

            // still looping for the next 20 minutes: within the cooldown, nothing more is sent
            for (int i = 0; i < 20; i++) {
                cycle(detector, notifier, i % 2 == 0 ? 70 : 3);
            }
            // past the 30 minutes: the loop goes on and is told again, once. The notifier's single thread
            // delivers in order, so a delivery queued during the cooldown would have arrived before this one.
            clock.advance(Duration.ofMinutes(10));
            cycle(detector, notifier, 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
            assertThat(received).hasSize(2);
        }
    }

    @Test
    void aFailedDeliveryIsRetriedAndTheLoopIsNotKeptWaiting() {
        failFirst.set(2);
        Webhook hook = new Webhook(url("/retry"), Webhook.Preset.GENERIC, Set.of());
        try (Notifier notifier = new Notifier(new NotifySettings(Duration.ofMinutes(30), List.of(hook)), clock, "host-a",
                List.of(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50)))) {
            long t0 = System.nanoTime();
            notifier.offer(List.of(new FleetEvent(EventKind.LEASE_LOST, "lease", "taken by run pid 7", clock.instant())));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(failFirst.get()).as("two refusals, then the delivery").isEqualTo(-1);
        }
    }

    @Test
    void ntfyAndDiscordPresetsSendTheirOwnForms() throws IOException {
        Webhook ntfy = new Webhook(url("/antfleet-topic"), Webhook.Preset.NTFY, Set.of());
        Webhook discord = new Webhook(url("/discord"), Webhook.Preset.DISCORD, Set.of());
        try (Notifier notifier = new Notifier(new NotifySettings(Duration.ofMinutes(30), List.of(ntfy, discord)), clock, "host-a")) {
            notifier.offer(List.of(new FleetEvent(EventKind.CONTAINER_DOWN, "fleet-b", "container fleet-b is not running",
                    clock.instant())));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        }
        Received n = received.stream().filter(r -> r.path().equals("/antfleet-topic")).findFirst().orElseThrow();
        assertThat(n.title()).isEqualTo("antfleet on host-a: container-down");
        assertThat(n.body()).isEqualTo("container fleet-b is not running");
        Received d = received.stream().filter(r -> r.path().equals("/discord")).findFirst().orElseThrow();
        assertThat(new ObjectMapper().readTree(d.body()).get("content").asText())
                .isEqualTo("**antfleet on host-a: container-down**\ncontainer fleet-b is not running");
    }

    @Test
    void aWebhookOnlyGetsTheEventsItAskedFor() {
        Webhook hook = new Webhook(url("/only-lease"), Webhook.Preset.GENERIC, Set.of(EventKind.LEASE_LOST));
        try (Notifier notifier = new Notifier(new NotifySettings(Duration.ofMinutes(30), List.of(hook)), clock, "host-a")) {
            notifier.offer(List.of(new FleetEvent(EventKind.NODE_DOWN, "fleet-a/antnode1", "silent", clock.instant()),
                    new FleetEvent(EventKind.LEASE_LOST, "lease", "taken", clock.instant())));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        }
        assertThat(received.get(0).body()).contains("lease-lost").doesNotContain("node-down");
    }
}
