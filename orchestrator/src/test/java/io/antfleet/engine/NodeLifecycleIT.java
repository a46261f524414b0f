package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.antctl.AntctlException;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.AntctlTimeouts;
import io.antfleet.antctl.HttpLivenessProbe;
import io.antfleet.antctl.UnknownVersionPolicy;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.StandInContainers;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.AddNodesRequest;
import io.antfleet.store.TestStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journaled lifecycle against the stand-in, with its injected faults. Ports 36000-37999. */
class NodeLifecycleIT {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    private static StandInContainers fixture;

    @BeforeAll
    static void fixture() {
        fixture = new StandInContainers();
    }

    @AfterAll
    static void cleanUp() {
        fixture.close();
    }

    private static AntctlSettings tight() {
        AntctlTimeouts t = new AntctlTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(10));
        return new AntctlSettings("antctl", "ant", List.of("timeout", "-s", "KILL"), Duration.ofSeconds(5),
                UnknownVersionPolicy.WARN, t, null, Duration.ofSeconds(60));
    }

    private static AddNodesRequest add(int count, int base) {
        return new AddNodesRequest(count, null, null, new PortRange(36000 + base, 36000 + base + count - 1),
                new PortRange(37000 + base, 37000 + base + count - 1),
                new PortRange(37500 + base, 37500 + base + count - 1), true, WALLET,
                EvmNetwork.ARBITRUM_ONE);
    }

    private static List<ServiceName> names(String... values) {
        return java.util.Arrays.stream(values).map(ServiceName::of).toList();
    }

    private record Setup(TestStore store, NodeLifecycle lifecycle, Container container, ContainerInfo info) {
    }

    private static Setup setup(String purpose, ProcessManager mode) {
        TestStore store = TestStore.embedded();
        ContainerInfo info = fixture.start(purpose, Map.of());
        if (!mode.runsAsRoot()) {
            fixture.systemdHost(info.id());
        }
        Container row = store.containers().insert(new Container(null, info.id(), info.name(), info.image(), "running",
                "host", mode, null, Instant.now(), Instant.now()));
        NodeLifecycle lifecycle = new NodeLifecycle(new AntctlManagerFactory(fixture.docker(), tight(),
                new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2))), store.nodes(), store.journal(), store.unit(),
                store.heldLease(), store.versions(), Clock.systemUTC());
        return new Setup(store, lifecycle, row, info);
    }

    private static Operation lastOperation(TestStore store) {
        return store.journal().recent(1).get(0);
    }

    @Test
    void aJournaledLifecycleKeepsRowsInStepWithAntctl() {
        Setup s = setup("lc", ProcessManager.ANTCTL_USER);

        List<Node> added = s.lifecycle().add(s.container(), add(2, 1));
        s.lifecycle().start(s.container(), names("antnode1", "antnode2"));
        s.lifecycle().remove(s.container(), names("antnode2"), false);
        List<Node> next = s.lifecycle().add(s.container(), add(1, 3));

        assertThat(added).extracting(n -> n.service().value()).containsExactly("antnode1", "antnode2");
        assertThat(next).extracting(n -> n.service().value()).containsExactly("antnode3");
        assertThat(s.store().nodes().findByContainer(s.container().id())).extracting(Node::status)
                .containsExactly(NodeStatus.RUNNING, NodeStatus.DEAD, NodeStatus.STOPPED);
        assertThat(s.store().journal().pending()).isEmpty();
    }

    @Test
    void eachInjectedFaultGivesAClearErrorAndLeavesTheNodeRowsUnchanged() {
        Setup s = setup("lc-fault", ProcessManager.ANTCTL_SUDO);
        s.lifecycle().add(s.container(), add(2, 11));
        s.lifecycle().start(s.container(), names("antnode1"));
        String nodesBefore = s.store().nodes().findAll().toString();

        fixture.fault(s.info().id(), "add exit=1 message=disk full times=1");
        assertThatThrownBy(() -> s.lifecycle().add(s.container(), add(1, 13))).isInstanceOf(AntctlException.class)
                .hasMessageContaining("disk full").hasMessageContaining(s.info().name());
        assertThat(lastOperation(s.store()).state()).isEqualTo(OperationState.FAILED);

        fixture.fault(s.info().id(), "start exit=1 message=service manager unavailable times=1");
        assertThatThrownBy(() -> s.lifecycle().start(s.container(), names("antnode2")))
                .hasMessageContaining("service manager unavailable");
        assertThat(lastOperation(s.store()).state()).isEqualTo(OperationState.FAILED);

        fixture.fault(s.info().id(), "stop hang=60 times=1");
        assertThatThrownBy(() -> s.lifecycle().stop(s.container(), names("antnode1")))
                .hasMessageContaining("did not finish within 5 s");
        assertThat(lastOperation(s.store()).state()).isEqualTo(OperationState.FAILED);

        fixture.fault(s.info().id(), "status json=malformed times=1");
        assertThatThrownBy(() -> s.lifecycle().add(s.container(), add(1, 14)))
                .hasMessageContaining("cannot read the output of antctl status");

        assertThat(s.store().nodes().findAll().toString()).isEqualTo(nodesBefore);
        assertThat(s.store().journal().pending()).isEmpty();
    }
}
