package io.antfleet.store;

import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.Host;
import io.antfleet.fleet.spec.TlsPaths;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every database must do with the host table. */
abstract class HostContract {
    protected abstract TestStore store();

    @Test
    void theLocalEngineIsAHostFromTheStart() {
        Host local = store().hosts().findByName("local").orElseThrow();

        assertThat(local.id()).isEqualTo(1L);
        assertThat(local.endpoint()).isEmpty();
        assertThat(local.tls()).isEmpty();
        assertThat(store().hosts().findAll().get(0)).isEqualTo(local);
    }

    @Test
    void aRecordedHostRoundTripsItsEndpointAndTlsPaths() {
        Host far = far(unique("far"), "tcp://10.99.0.2:2376");

        Host recorded = store().hosts().record(far);

        assertThat(recorded.id()).isNotNull().isNotEqualTo(1L);
        assertThat(recorded).isEqualTo(far.withId(recorded.id()));
        assertThat(store().hosts().findByName(far.name())).contains(recorded);
        assertThat(store().hosts().findAll()).contains(recorded);
    }

    @Test
    void recordingAHostAgainRewritesItUnderTheSameId() {
        String name = unique("moved");
        Host first = store().hosts().record(far(name, "tcp://10.99.0.2:2376"));

        Host second = store().hosts().record(new Host(null, name, Optional.of(URI.create("unix:///run/other.sock")),
                Optional.empty()));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.endpoint()).contains(URI.create("unix:///run/other.sock"));
        assertThat(second.tls()).isEmpty();
        assertThat(store().hosts().findAll()).filteredOn(h -> h.name().equals(name)).containsExactly(second);
    }

    private static Host far(String name, String endpoint) {
        return new Host(null, name, Optional.of(URI.create(endpoint)), Optional.of(new TlsPaths(
                Path.of("/etc/antfleet/" + name + "/ca.pem"), Path.of("/etc/antfleet/" + name + "/cert.pem"),
                Path.of("/etc/antfleet/" + name + "/key.pem"))));
    }
}
