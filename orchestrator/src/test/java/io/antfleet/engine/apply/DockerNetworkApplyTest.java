package io.antfleet.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.fleet.plan.AddressLimit.AddressLimitException;
import io.antfleet.fleet.spec.DockerNetwork;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.SpecContainer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** apply creates a container that names a Docker network on it (its fixed address goes with it), others on host networking. */
class DockerNetworkApplyTest {
    private final FakeFleet fleet = new FakeFleet();

    /** Built by hand: the reader allows dockerNetwork for ant containers only, and this test drives the fake antctl. */
    private static FleetSpec spec(int alpha, int beta, DockerNetwork alphaNetwork, DockerNetwork betaNetwork) {
        FleetSpec parsed = new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo",
                "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'",
                "ports: {node: 55000, metrics: 13000, rpc: 30000, blockSize: 100}",
                "containers:", "  - {name: alpha, nodes: " + alpha + "}", "  - {name: beta, nodes: " + beta + "}", ""));
        return new FleetSpec(parsed.fleet(), parsed.ports(), List.of(on(parsed.containers().get(0), alphaNetwork),
                on(parsed.containers().get(1), betaNetwork)), parsed.autoscale(), parsed.hosts());
    }

    private static SpecContainer on(SpecContainer c, DockerNetwork network) {
        return new SpecContainer(c.name(), c.nodes(), c.limits(), c.image(), c.processManager(), c.rewardsAddress(),
                c.network(), c.noUpnp(), c.antnode(), Optional.ofNullable(network), c.host());
    }

    @Test
    void twoContainersOverFiftyNodesBehindOneAddressAreRefusedNamingTheSettingAndNothingIsCreated() {
        DockerNetwork shared = new DockerNetwork("pub", "203.0.113.7", null);

        assertThatThrownBy(() -> fleet.service().apply(spec(30, 21, shared, new DockerNetwork("pub", "203.0.113.7", null)), false))
                .isInstanceOf(AddressLimitException.class)
                .hasMessageStartingWith("51 nodes behind 203.0.113.7 (alpha: 30, beta: 21): over max-nodes-per-address = 50");
        assertThat(fleet.docker.listByLabels(Map.of("antfleet.fleet", "home"))).isEmpty();
    }

    @Test
    void fiftyNodesOnEachOfTwoAddressesAreAccepted() {
        fleet.antctl("home-alpha");
        fleet.antctl("home-beta");

        ApplyReport report = fleet.service().apply(spec(50, 50, new DockerNetwork("pub", "203.0.113.7", null),
                new DockerNetwork("pub", "203.0.113.8", null)), false);

        assertThat(report.ok()).as(report.toString()).isTrue();
    }

    @Test
    void aContainerWithADockerNetworkIsCreatedOnItAndItsRowSaysSo() {
        fleet.antctl("home-alpha");
        fleet.antctl("home-beta");
        FleetSpec spec = spec(1, 1, new DockerNetwork("pub", "203.0.113.7", null), null);

        ApplyReport report = fleet.service().apply(spec, false);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(fleet.docker.inspect("home-alpha")).map(ContainerInfo::networkMode).contains("pub");
        assertThat(fleet.docker.inspect("home-beta")).map(ContainerInfo::networkMode).contains("host");
        assertThat(fleet.store.containers.findByName("home-alpha").orElseThrow().networkMode()).isEqualTo("pub");
    }
}
