package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.Host;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostGatewaysTest {
    private final FakeDockerGateway local = new FakeDockerGateway();
    private final FakeDockerGateway farEngine = new FakeDockerGateway();
    private final List<Host> recorded = new ArrayList<>(List.of(host("far", "unix:///run/far.sock")));
    private final List<String> opened = new ArrayList<>();
    private final HostGateways gateways = new HostGateways(local, "unix:///var/run/docker.sock", () -> recorded, h -> {
        opened.add(h.name());
        return farEngine;
    });

    private static Host host(String name, String endpoint) {
        return new Host(null, name, Optional.of(URI.create(endpoint)), Optional.empty());
    }

    @Test
    void theLocalHostIsTheInjectedEngineAndAnotherIsOpenedOnceOnFirstUse() {
        assertThat(gateways.forHost("local")).isSameAs(local);
        assertThat(opened).isEmpty();

        DockerGateway far = gateways.forHost("far");

        assertThat(gateways.forHost("far")).isSameAs(far);
        assertThat(opened).containsExactly("far");
        assertThat(gateways.endpoint("far")).isEqualTo("unix:///run/far.sock");
        assertThat(gateways.endpoint("local")).isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void containersAnotherHostsEngineReportsCarryThatHost() {
        farEngine.withContainer("id1", "home-beta", Map.of("antfleet.fleet", "home"));
        local.withContainer("id2", "home-alpha", Map.of("antfleet.fleet", "home"));

        assertThat(gateways.forHost("far").listByLabels(Map.of("antfleet.fleet", "home"))).extracting(ContainerInfo::host)
                .containsExactly("far");
        assertThat(gateways.forHost("far").inspect("home-beta")).map(ContainerInfo::host).contains("far");
        assertThat(gateways.forHost("far").listByNames(java.util.List.of("home-beta"))).extracting(ContainerInfo::host)
                .containsExactly("far");
        assertThat(gateways.forHost("local").listByLabels(Map.of("antfleet.fleet", "home"))).extracting(ContainerInfo::host)
                .containsExactly("local");
    }

    @Test
    void anEngineThatDoesNotAnswerIsAnErrorNamingTheHostAndItsEndpoint() {
        farEngine.unreachable("connection refused");

        assertThatThrownBy(() -> gateways.forHost("far").listByLabels(Map.of()))
                .isInstanceOf(EngineUnreachableException.class)
                .hasMessageStartingWith("host far (Docker at unix:///run/far.sock): ").hasMessageContaining("connection refused");
    }

    @Test
    void anUnknownHostIsRefusedNamingTheKnownOnesAndADeclaredHostIsKnownWithoutARow() {
        assertThatThrownBy(() -> gateways.forHost("near")).isInstanceOf(UnknownEngineException.class)
                .hasMessageContaining("'near'").hasMessageContaining("known hosts: local, far");

        gateways.declare(host("near", "unix:///run/near.sock"));

        assertThat(gateways.endpoint("near")).isEqualTo("unix:///run/near.sock");
        assertThat(gateways.forHost("near")).isNotNull();
        assertThat(opened).containsExactly("near");
    }
}
