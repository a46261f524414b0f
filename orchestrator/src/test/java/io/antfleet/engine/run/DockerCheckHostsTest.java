package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.docker.HostGateways;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Host;
import io.antfleet.fleet.ProcessManager;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cycle's Docker check asks each row's host's engine; a host whose engine does not answer is down alone. */
class DockerCheckHostsTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final MemoryStore store = new MemoryStore();
    private final FakeDockerGateway local = new FakeDockerGateway();
    private final FakeDockerGateway far = new FakeDockerGateway();
    private final DockerCheck check = new DockerCheck(new HostGateways(local, "unix:///var/run/docker.sock",
            () -> List.of(new Host(2L, "far", Optional.of(URI.create("unix:///run/far.sock")), Optional.empty())), h -> far),
            store.containers, store.nodes);

    private Container row(String host, String name) {
        return store.containers.insert(new Container(null, "id-" + name, name, "img", "running", "host",
                ProcessManager.ANTCTL_SUDO, null, T0, T0, host));
    }

    @Test
    void eachRowIsCheckedOnItsHostsEngine() {
        local.withContainer("id-t-alpha", "t-alpha", Map.of(FleetLabels.FLEET, "t"));
        far.withContainer("id-t-beta", "t-beta", Map.of(FleetLabels.FLEET, "t"));

        DockerView view = check.check("t", List.of(row("local", "t-alpha"), row("far", "t-beta")), T0, true);

        assertThat(view.clean()).as(view.toString()).isTrue();
    }

    @Test
    void theRowsOfAHostWhoseEngineDoesNotAnswerAreDownForThatReasonAndKeptAsRecorded() {
        local.withContainer("id-t-alpha", "t-alpha", Map.of(FleetLabels.FLEET, "t"));
        far.unreachable("connection refused");
        Container beta = row("far", "t-beta");

        DockerView view = check.check("t", List.of(row("local", "t-alpha"), beta), T0.plusSeconds(60), true);

        assertThat(view.unreachable()).isEmpty();
        assertThat(view.actionable("t-alpha")).isTrue();
        assertThat(view.down().get("t-beta")).startsWith(DockerView.ENGINE_DOWN).contains("host far").contains("connection refused");
        assertThat(view.notes()).anySatisfy(n -> assertThat(n).contains("t-beta").contains("until its engine answers again"));
        assertThat(store.containers.findById(beta.id()).orElseThrow().status()).isEqualTo("running");
    }
}
