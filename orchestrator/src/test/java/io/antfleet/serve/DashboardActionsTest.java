package io.antfleet.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.FakeFleet;
import io.antfleet.engine.run.FleetMutex;
import io.antfleet.engine.run.MemorySettings;
import io.antfleet.engine.run.RunState;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.serve.DashboardActions.NodeAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's node actions over fakes, where two hosts each have a container named home-alpha. */
class DashboardActionsTest {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private final FakeFleet fleet = new FakeFleet();
    private final DashboardActions actions = new DashboardActions(fleet.lifecycle(), fleet.store.containers, fleet.store.nodes,
            fleet.lease, fleet.service(), new RunState(new MemorySettings()), new FleetMutex(), SpecLoader::new);

    @BeforeEach
    void alphaOnTheLocalEngineThenMovedToFarWithoutPrune() {
        fleet.antctl("home-alpha");
        fleet.antctl("far", "home-alpha");
        fleet.service().apply(spec("  - {name: alpha, nodes: 1}"), false);
        fleet.service().apply(spec("  - {name: alpha, host: far, nodes: 1}"), false);
    }

    private static io.antfleet.fleet.spec.FleetSpec spec(String container) {
        return new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "hosts:", "  - {name: far, docker: 'unix:///run/far.sock'}", "containers:", container, ""));
    }

    private NodeStatus antnode1(String host) {
        Container c = fleet.store.containers.findByName(host, "home-alpha").orElseThrow();
        return fleet.store.nodes.find(c.id(), ServiceName.of("antnode1")).orElseThrow().status();
    }

    @Test
    void aNodeActionLandsOnTheContainerOfTheHostItNames() {
        assertThat(actions.node(NodeAction.STOP, "far", "home-alpha", "antnode1")).isEqualTo("stop home-alpha/antnode1: done");

        assertThat(antnode1("far")).isEqualTo(NodeStatus.STOPPED);
        assertThat(antnode1("local")).isEqualTo(NodeStatus.RUNNING);
    }

    @Test
    void aNameTwoHostsHaveIsRefusedWithoutAHostAndNothingChanges() {
        assertThatThrownBy(() -> actions.node(NodeAction.STOP, null, "home-alpha", "antnode1"))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessage("container 'home-alpha' is recorded on hosts local, far: add host=NAME");
        assertThatThrownBy(() -> actions.node(NodeAction.STOP, "near", "home-alpha", "antnode1"))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("no container 'home-alpha' is recorded on host near");

        assertThat(antnode1("far")).isEqualTo(NodeStatus.RUNNING);
        assertThat(antnode1("local")).isEqualTo(NodeStatus.RUNNING);
    }
}
