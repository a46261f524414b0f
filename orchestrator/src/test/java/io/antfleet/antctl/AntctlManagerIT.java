package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.StandInContainers;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.nodemanager.UpgradeSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** AntctlManager against the stand-in image, through docker exec. Ports 31000-31999 / 32xxx / 33xxx. */
class AntctlManagerIT {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static StandInContainers fixture;

    @BeforeAll
    static void fixture() {
        fixture = new StandInContainers();
    }

    @AfterAll
    static void cleanUp() {
        fixture.close();
    }

    private static AntctlManagerFactory factory(AntctlSettings settings) {
        return new AntctlManagerFactory(fixture.docker(), settings, new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2)));
    }

    private static AddRequest add(int count, int base, String binary) {
        return new AddRequest(count, null, null, binary, null, new PortRange(31000 + base, 31000 + base + count - 1),
                new PortRange(32000 + base, 32000 + base + count - 1), new PortRange(33000 + base, 33000 + base + count - 1),
                true, WALLET, List.of(new EnvVar("ANTFLEET_IT", "1")), List.of(), EvmNetwork.ARBITRUM_ONE);
    }

    private static List<ServiceName> names(String... values) {
        return java.util.Arrays.stream(values).map(ServiceName::of).toList();
    }

    private static AntctlNode find(AntctlManager m, String service) {
        return m.survey().stream().filter(n -> n.service().value().equals(service)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ProcessManager.class)
    void theFullLifecycleWorksInBothModes(ProcessManager mode) {
        int base = mode.runsAsRoot() ? 200 : 100;
        ContainerInfo c = fixture.start("life", Map.of());
        if (!mode.runsAsRoot()) {
            fixture.systemdHost(c.id());
        }
        AntctlManager m = factory(AntctlSettings.defaults()).forContainer(c.id(), c.name(), mode);
        assertThat(m.survey()).isEmpty();

        List<List<AntctlNode>> heard = new ArrayList<>();
        List<AntctlNode> added = m.create(add(3, base + 1, "/opt/antnode/0.4.16/antnode"), heard::add);
        assertThat(added).extracting(n -> n.service().value()).containsExactly("antnode1", "antnode2", "antnode3");
        assertThat(added).extracting(AntctlNode::nodePort).containsExactly(31000 + base + 1, 31000 + base + 2, 31000 + base + 3);
        assertThat(added).extracting(AntctlNode::antctlStatus).containsOnly("Added");
        assertThat(added).allSatisfy(n -> assertThat(n.userMode()).isEqualTo(!mode.runsAsRoot()));
        assertThat(heard).singleElement().satisfies(l -> assertThat(l).hasSize(3));

        m.start(names("antnode1", "antnode2", "antnode3"));
        assertThat(m.survey()).extracting(AntctlNode::antctlStatus).containsOnly("Running");
        await().atMost(BOUND).untilAsserted(() -> assertThat(m.survey()).allSatisfy(
                n -> assertThat(m.status(n)).isEqualTo(NodeStatus.RUNNING)));

        m.stop(names("antnode1"));
        AntctlNode first = find(m, "antnode1");
        assertThat(first.antctlStatus()).isEqualTo("Stopped");
        await().atMost(BOUND).untilAsserted(() -> assertThat(m.status(first)).isEqualTo(NodeStatus.STOPPED));

        Long pidBefore = find(m, "antnode2").pid();
        m.restart(names("antnode2"));
        assertThat(find(m, "antnode2").pid()).isNotEqualTo(pidBefore);
        assertThat(find(m, "antnode2").antctlStatus()).isEqualTo("Running");

        m.remove(names("antnode3"), false);
        assertThat(find(m, "antnode3").antctlStatus()).isEqualTo("Removed");
        assertThat(find(m, "antnode3").status()).isEqualTo(NodeStatus.DEAD);

        List<AntctlNode> next = m.create(add(1, base + 4, "/opt/antnode/0.4.16/antnode"));
        assertThat(next).extracting(n -> n.service().value()).containsExactly("antnode4");

        UpgradeSummary summary = m.upgrade(new UpgradeRequest(names("antnode2"), "/opt/antnode/0.4.17/antnode", null,
                false, false, null, null, null));
        // --path always forces (cmd/node.rs:470), so antctl reports the change as forced
        assertThat(summary.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(UpgradeOutcome.Kind.FORCED);
            assertThat(o.fromVersion()).isEqualTo("0.4.16");
            assertThat(o.toVersion()).isEqualTo("0.4.17");
        });
        assertThat(find(m, "antnode2").version()).isEqualTo("0.4.17");

        AntctlNode second = find(m, "antnode2");
        m.reset();
        assertThat(m.survey()).isEmpty();
        await().atMost(BOUND).untilAsserted(() -> assertThat(m.status(second)).isEqualTo(NodeStatus.STOPPED));
    }

    @Test
    void twoContainersThatBothHaveAntnode1StaySeparate() {
        ContainerInfo a = fixture.start("twin-a", Map.of());
        ContainerInfo b = fixture.start("twin-b", Map.of());
        AntctlManagerFactory factory = factory(AntctlSettings.defaults());
        AntctlManager ma = factory.forContainer(a.id(), a.name(), ProcessManager.ANTCTL_SUDO);
        AntctlManager mb = factory.forContainer(b.id(), b.name(), ProcessManager.ANTCTL_SUDO);

        ma.create(add(1, 301, null));
        mb.create(add(2, 311, null));
        ma.start(names("antnode1"));

        assertThat(ma.survey()).extracting(n -> n.service().value(), AntctlNode::nodePort, AntctlNode::antctlStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("antnode1", 31301, "Running"));
        assertThat(mb.survey()).extracting(n -> n.service().value(), AntctlNode::nodePort, AntctlNode::antctlStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("antnode1", 31311, "Added"),
                        org.assertj.core.groups.Tuple.tuple("antnode2", 31312, "Added"));
        assertThat(factory.forContainer(a.id(), a.name(), ProcessManager.ANTCTL_SUDO)).isSameAs(ma);
    }

    @Test
    void theUserAndSudoRegistriesOfOneContainerAreIndependent() {
        ContainerInfo c = fixture.start("registries", Map.of());
        AntctlManagerFactory factory = factory(AntctlSettings.defaults());

        factory.forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO).create(add(1, 401, null));

        assertThat(factory.forContainer(c.id(), c.name(), ProcessManager.ANTCTL_USER).survey()).isEmpty();
        assertThat(factory.forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO).survey()).hasSize(1);
    }

    @Test
    void malformedStatusJsonIsAClearErrorNamingTheContainer() {
        ContainerInfo c = fixture.start("fault-json", Map.of());
        AntctlManager m = factory(AntctlSettings.defaults()).forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO);
        m.create(add(1, 501, null));
        fixture.fault(c.id(), "status json=truncated");

        assertThatThrownBy(m::survey).isInstanceOf(AntctlException.class)
                .hasMessageContaining("cannot read the output of antctl status")
                .hasMessageContaining("container " + c.name());
    }

    @Test
    void anInjectedAddFailureCarriesExitCodeAndMessage() {
        ContainerInfo c = fixture.start("fault-add", Map.of());
        AntctlManager m = factory(AntctlSettings.defaults()).forContainer(c.id(), c.name(), ProcessManager.ANTCTL_USER);
        fixture.fault(c.id(), "add exit=1 message=disk full");

        assertThatThrownBy(() -> m.create(add(1, 511, null)))
                .isInstanceOfSatisfying(AntctlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.command()).startsWith("antctl", "add");
                })
                .hasMessageContaining("disk full");
        assertThat(m.survey()).isEmpty();
    }

    @Test
    void aHangingCallIsKilledAtItsBoundAndTheNextCallWorks() {
        ContainerInfo c = fixture.start("fault-hang", Map.of());
        AntctlTimeouts tight = new AntctlTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        AntctlSettings settings = new AntctlSettings("antctl", "ant", List.of("timeout", "-s", "KILL"),
                Duration.ofSeconds(5), UnknownVersionPolicy.WARN, tight, null, null);
        AntctlManager m = factory(settings).forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO);
        m.version();
        fixture.fault(c.id(), "status hang=60 times=1");

        assertThatThrownBy(m::survey).isInstanceOfSatisfying(AntctlTimeoutException.class,
                e -> assertThat(e.bound()).isEqualTo(Duration.ofSeconds(3)))
                .hasMessageContaining("container " + c.name()).hasMessageContaining("status");
        assertThat(m.survey()).isEmpty();
        assertThat(fixture.docker().exec(c.id(), List.of("ps"), null, Map.of(), null, BOUND).stdout())
                .doesNotContain("Antctl status");
    }

    @Test
    void aNodeWhoseRpcStallsIsKilledByAntfleetSoTheOthersCanStillBeStopped() {
        ContainerInfo c = fixture.start("wedged", Map.of());
        AntctlManager m = factory(AntctlSettings.defaults()).forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO);
        m.create(add(2, 601, null));
        m.start(names("antnode1", "antnode2"));
        Long wedgedPid = find(m, "antnode2").pid();
        fixture.docker().exec(c.id(), List.of("touch", "/var/antctl/services/antnode2/stall-metrics"), "root", Map.of(),
                null, BOUND);
        await().atMost(BOUND).until(() -> m.status(find(m, "antnode2")) == NodeStatus.STOPPED);

        m.stop(names("antnode1"));

        assertThat(m.survey()).extracting(n -> n.service().value() + " " + n.antctlStatus())
                .containsExactly("antnode1 Stopped", "antnode2 Stopped");
        assertThat(fixture.docker().exec(c.id(), List.of("kill", "-0", wedgedPid.toString()), "root", Map.of(), null,
                BOUND).exitCode()).isNotZero();
    }

    @Test
    void aPathUpgradeToTheVersionANodeAlreadyRunsDoesNotRestartIt() {
        ContainerInfo c = fixture.start("path-same", Map.of());
        AntctlManager m = factory(AntctlSettings.defaults()).forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO);
        m.create(add(1, 611, "/opt/antnode/0.4.17/antnode"));
        m.start(names("antnode1"));
        Long pid = find(m, "antnode1").pid();

        UpgradeSummary summary = m.upgrade(new UpgradeRequest(names("antnode1"), "/opt/antnode/0.4.17/antnode", null,
                false, false, null, null, null));

        assertThat(summary.outcomes()).extracting(UpgradeOutcome::kind).containsExactly(UpgradeOutcome.Kind.NOT_REQUIRED);
        assertThat(find(m, "antnode1").pid()).isEqualTo(pid);
    }

    @Test
    void aMissingAntctlNamesTheContainerAndTheFix() {
        ContainerInfo c = fixture.start("no-antctl", Map.of());
        AntctlSettings settings = new AntctlSettings("antctl-not-installed", "ant", List.of("timeout", "-s", "KILL"),
                Duration.ofSeconds(5), UnknownVersionPolicy.WARN, AntctlTimeouts.defaults(), null, null);
        AntctlManager m = factory(settings).forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO);

        assertThatThrownBy(m::survey).isInstanceOf(AntctlMissingException.class)
                .hasMessageContaining("container " + c.name()).hasMessageContaining("antfleet/agent:stand-in");
    }

    @Test
    void aRunningNodeCannotBeRemovedWithoutStoppingSoRemoveStopsFirst() {
        ContainerInfo c = fixture.start("remove", Map.of());
        AntctlManager m = factory(AntctlSettings.defaults()).forContainer(c.id(), c.name(), ProcessManager.ANTCTL_SUDO);
        m.create(add(2, 521, null));
        m.start(new StartRequest(names("antnode1", "antnode2"), null, Duration.ofSeconds(60)));

        m.remove(names("antnode1", "antnode2"), true);

        assertThat(m.survey()).extracting(AntctlNode::antctlStatus).containsOnly("Removed");
    }
}
