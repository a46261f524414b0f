package io.antfleet.config.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.antfleet.notify.EventKind;
import io.antfleet.notify.NotifySettings;
import io.antfleet.notify.Webhook;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's {@code notify} section: read for run, validated with the rest of the spec for apply. */
class NotifySpecTest {
    private static final String NOTIFY = String.join("\n",
            "notify:",
            "  cooldown: 15m",
            "  webhooks:",
            "    - url: http://127.0.0.1:8080/hook",
            "    - url: https://ntfy.example/antfleet",
            "      preset: ntfy",
            "      events: [node-down, crash-looping]",
            "");

    @TempDir
    Path dir;

    @Test
    void theSectionBecomesWebhooksWithPresetsEventsAndTheCooldown() throws IOException {
        Path spec = Files.writeString(dir.resolve("fleet.yaml"), SpecLoaderTest.VALID + NOTIFY);

        NotifySettings n = new SpecLoader().notifySettings(spec);

        assertThat(n.cooldown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(n.webhooks()).containsExactly(
                new Webhook(URI.create("http://127.0.0.1:8080/hook"), Webhook.Preset.GENERIC, EnumSet.allOf(EventKind.class)),
                new Webhook(URI.create("https://ntfy.example/antfleet"), Webhook.Preset.NTFY,
                        EnumSet.of(EventKind.NODE_DOWN, EventKind.CRASH_LOOPING)));
    }

    @Test
    void aSpecWithoutTheSectionNotifiesNobody() throws IOException {
        Path spec = Files.writeString(dir.resolve("fleet.yaml"), SpecLoaderTest.VALID);

        assertThat(new SpecLoader().notifySettings(spec)).isEqualTo(NotifySettings.NONE);
    }

    @Test
    void everyProblemInTheSectionIsReportedWithItsLineAlongsideTheRest() {
        String bad = SpecLoaderTest.VALID.replace("fleet: home", "fleet: home!") + String.join("\n",
                "notify:",
                "  webhooks:",
                "    - url: ftp://example/x",
                "      preset: slack",
                "      events: [node-down, node-exploded]",
                "");

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> new SpecLoader().parse("fleet.yaml", bad));

        assertThat(e.getMessage()).contains("invalid name 'home!'", "webhook url must be http:// or https://",
                "unknown preset 'slack' (generic, ntfy or discord)", "unknown event 'node-exploded'");
        assertThat(e.getMessage()).containsPattern("fleet\\.yaml:\\d+:\\d+: .*unknown preset");
    }
}
