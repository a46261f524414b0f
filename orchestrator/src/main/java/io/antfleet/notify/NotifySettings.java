package io.antfleet.notify;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/** The spec's {@code notify} section: webhooks and the per-event cooldown. */
public record NotifySettings(Duration cooldown, List<Webhook> webhooks) {
    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(30);
    public static final NotifySettings NONE = new NotifySettings(DEFAULT_COOLDOWN, List.of());

    public NotifySettings {
        requireNonNull(cooldown, "cooldown is null");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("notify cooldown must not be negative");
        }
        webhooks = List.copyOf(webhooks);
    }
}
