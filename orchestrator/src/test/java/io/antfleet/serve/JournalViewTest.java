package io.antfleet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antfleet.engine.MemoryDecisionLog;
import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Host;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.store.DecisionRecord;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dashboard's decisions and operations name each container's host: two hosts may each have one of that name. */
class JournalViewTest {
    private static final Instant T0 = Instant.parse("2026-12-06T19:00:00Z");
    private final MemoryStore store = new MemoryStore();
    private final MemoryDecisionLog decisions = new MemoryDecisionLog();
    private final JournalView view = new JournalView(decisions, store.journal, store.containers);

    @Test
    void decisionsAndOperationsNameTheHostOfTheirContainer() {
        store.hosts.record(new Host(null, "far", Optional.of(URI.create("unix:///run/far.sock")), Optional.empty()));
        Container local = store.containers.insert(alpha());
        Container far = store.containers.insert(alpha().onHost("far"));
        decisions.record(List.of(new DecisionRecord(null, T0, "STOP", "home-alpha", far.id(), List.of("antnode1"), 1, "r",
                "DONE", null), new DecisionRecord(null, T0, "SURVEY", null, List.of(), 0, "s", "NOT_RUN", null)));
        store.journal.begin("stop", local.id(), List.of("antnode1"));

        JsonNode d = view.decisions(10).get("decisions");
        JsonNode o = view.operations(10).get("operations");

        assertThat(d.get(0).get("host").isNull()).as("the survey names no container").isTrue();
        assertThat(d.get(1).get("container").asText()).isEqualTo("home-alpha");
        assertThat(d.get(1).get("host").asText()).isEqualTo("far");
        assertThat(o.get(0).get("container").asText()).isEqualTo("home-alpha");
        assertThat(o.get(0).get("host").asText()).isEqualTo("local");
    }

    private static Container alpha() {
        return new Container(null, null, "home-alpha", "antfleet/agent:stand-in", "running", "host", ProcessManager.ANTCTL_SUDO,
                null, T0, T0);
    }
}
