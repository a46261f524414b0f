package io.antfleet.config.spec;

import io.antfleet.notify.EventKind;
import io.antfleet.notify.NotifySettings;
import io.antfleet.notify.Webhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the optional {@code notify} section:
 * {@code notify: {cooldown: 30m, webhooks: [{url: …, preset: generic|ntfy|discord, events: [node-down, …]}]}}.
 */
final class NotifyReader {
    private static final List<String> KEYS = List.of("cooldown", "webhooks");
    private static final List<String> WEBHOOK_KEYS = List.of("url", "preset", "events");

    private final NodeReader r;

    NotifyReader(NodeReader r) {
        this.r = r;
    }

    /** The section, or empty when it has problems (recorded). */
    Optional<NotifySettings> read(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> cooldown = r.field(m.get(), "cooldown").map(n -> r.duration(n, path + ".cooldown"))
                .orElse(Optional.of(NotifySettings.DEFAULT_COOLDOWN));
        List<Optional<Webhook>> hooks = new ArrayList<>();
        r.field(m.get(), "webhooks").flatMap(n -> r.sequence(n, path + ".webhooks")).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                hooks.add(webhook(items.get(i), path + ".webhooks[" + i + "]"));
            }
        });
        if (cooldown.isEmpty() || hooks.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new NotifySettings(cooldown.get(), hooks.stream().map(Optional::get).toList()));
    }

    private Optional<Webhook> webhook(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, WEBHOOK_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> url = r.required(m.get(), "url", path).flatMap(n -> r.converted(n, path + ".url", NotifyReader::url));
        Optional<Webhook.Preset> preset = r.field(m.get(), "preset").map(n -> r.converted(n, path + ".preset", NotifyReader::preset))
                .orElse(Optional.of(Webhook.Preset.GENERIC));
        Optional<Set<EventKind>> events = r.field(m.get(), "events").map(n -> events(n, path + ".events"))
                .orElse(Optional.of(EnumSet.allOf(EventKind.class)));
        if (url.isEmpty() || preset.isEmpty() || events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Webhook(url.get(), preset.get(), events.get()));
    }

    private Optional<Set<EventKind>> events(YamlNode node, String path) {
        Optional<List<YamlNode>> items = r.sequence(node, path);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        boolean ok = true;
        for (YamlNode item : items.get()) {
            Optional<EventKind> k = r.converted(item, path, NotifyReader::event);
            ok &= k.isPresent();
            k.ifPresent(kinds::add);
        }
        return ok ? Optional.of(kinds) : Optional.empty();
    }

    static URI url(String text) {
        try {
            URI uri = new URI(text.trim());
            new Webhook(uri, Webhook.Preset.GENERIC, Set.of());
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid webhook url '" + text + "': " + e.getReason());
        }
    }

    static Webhook.Preset preset(String text) {
        try {
            return Webhook.Preset.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown preset '" + text + "' (generic, ntfy or discord)");
        }
    }

    static EventKind event(String text) {
        return EventKind.ofKey(text.trim()).orElseThrow(() -> new IllegalArgumentException("unknown event '" + text + "' ("
                + EnumSet.allOf(EventKind.class).stream().map(EventKind::key).collect(Collectors.joining(", ")) + ")"));
    }
}
