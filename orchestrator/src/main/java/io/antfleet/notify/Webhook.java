package io.antfleet.notify;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/** One {@code notify.webhooks[]} entry: where, in which form, for which events. */
public record Webhook(URI url, Preset preset, Set<EventKind> events) {
    /** The body's form: antfleet's JSON, an ntfy topic (text with a title), a Discord webhook ({@code content}). */
    public enum Preset { GENERIC, NTFY, DISCORD }

    public Webhook {
        requireNonNull(url, "url is null");
        requireNonNull(preset, "preset is null");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook url must be http:// or https:// with a host, got '" + url + "'");
        }
        events = events.isEmpty() ? EnumSet.allOf(EventKind.class) : EnumSet.copyOf(events);
    }

    /** The URL without its query and user info, for logs: a token in the URL stays out of them. */
    public String safeName() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getPath();
    }
}
