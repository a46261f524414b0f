package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.docker.ExecResult;
import io.antfleet.nodemanager.UpgradeSummary;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AntctlManagerTest {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    private final FakeAntctl fake = new FakeAntctl("container alpha (antctl+sudo)");
    private final Set<Integer> alivePorts = new java.util.HashSet<>();
    private final LivenessProbe probe = port -> alivePorts.contains(port)
            ? new LivenessProbe.ProbeResult(true, "12D3KooW", "0.4.17", null) : LivenessProbe.ProbeResult.dead("refused");
    private final AntctlManager manager = new AntctlManager(new AntctlClient(fake, AntctlSettings.defaults(), w -> { }),
            probe, AntctlSettings.defaults());

    private static List<ServiceName> names(String... values) {
        return java.util.Arrays.stream(values).map(ServiceName::of).toList();
    }

    private static AddRequest add(int count, int firstPort) {
        return new AddRequest(count, null, null, null, null, new PortRange(firstPort, firstPort + count - 1),
                new PortRange(firstPort + 1000, firstPort + 1000 + count - 1), null, true, WALLET, null, null,
                EvmNetwork.LOCAL);
    }

    @Test
    void aPathUpgradeReadsTheBinarysVersionFirstAndLeavesOutNodesAtItOrAhead() {
        manager.create(add(3, 31001));
        fake.registry().get(1).version = "0.4.16";
        fake.registry().get(2).version = "0.4.18";
        fake.binaryVersion("0.4.17");

        UpgradeSummary summary = manager.upgrade(new UpgradeRequest(names("antnode1", "antnode2", "antnode3"),
                "/opt/antnode/0.4.17/antnode", null, false, false, null, null, List.of()));

        assertThat(summary.outcomes()).extracting(o -> o.service().value() + " " + o.kind())
                .containsExactlyInAnyOrder("antnode1 NOT_REQUIRED", "antnode3 NOT_REQUIRED", "antnode2 FORCED");
        List<String> upgrade = fake.calls().stream().filter(c -> c.get(0).equals("upgrade")).findFirst().orElseThrow();
        assertThat(upgrade).containsSubsequence("--service-name", "antnode2").doesNotContain("antnode1", "antnode3");
    }

    @Test
    void aPathUpgradeOfNodesAllAtTheBinarysVersionRestartsNothing() {
        manager.create(add(2, 31001));
        fake.binaryVersion("0.4.17");

        UpgradeSummary summary = manager.upgrade(new UpgradeRequest(names("antnode1", "antnode2"),
                "/opt/antnode/0.4.17/antnode", null, false, false, null, null, List.of()));

        assertThat(summary.failed()).isEmpty();
        assertThat(summary.outcomes()).extracting(UpgradeOutcome::kind).containsOnly(UpgradeOutcome.Kind.NOT_REQUIRED);
        assertThat(fake.calls()).noneMatch(c -> c.get(0).equals("upgrade"));
    }

    @Test
    void anUpgradedNodeThatDidNotStartIsStartedAgain() {
        manager.create(add(1, 31001));
        fake.failNext("upgrade", new ExecResult(1, "Upgrade summary:\n"
                + "✕ antnode1 was upgraded from 0.4.16 to 0.4.17 but it did not start\n",
                "Error: \n   0: There was a problem upgrading one or more nodes\n"));

        UpgradeSummary summary = manager.upgrade(new UpgradeRequest(names("antnode1"), null, "0.4.17", false, false,
                null, null, List.of()));

        assertThat(summary.failed()).isEmpty();
        assertThat(summary.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(UpgradeOutcome.Kind.UPGRADED);
            assertThat(o.toVersion()).isEqualTo("0.4.17");
        });
        assertThat(fake.registry().get(0).status).isEqualTo("Running");
    }

    @Test
    void anUpgradedNodeThatStillDoesNotStartIsReportedWithBothReasons() {
        manager.create(add(1, 31001));
        fake.failNext("upgrade", new ExecResult(1, "Upgrade summary:\n"
                + "✕ antnode1 was upgraded from 0.4.16 to 0.4.17 but it did not start\n", "Error: \n   0: x\n"));
        fake.failNext("start", new ExecResult(1, "Failed to start 1 service(s):\n✕ antnode1: it crashed\n",
                "Error: \n   0: Failed to start one or more services\n"));

        UpgradeSummary summary = manager.upgrade(new UpgradeRequest(names("antnode1"), null, "0.4.17", false, false,
                null, null, List.of()));

        assertThat(summary.failed()).singleElement().satisfies(o -> assertThat(o.message())
                .contains("but it did not start", "starting it again failed", "Failed to start one or more services"));
    }

    @Test
    void aSingleEmptyStatusIsReadAgainBeforeItCounts() {
        manager.create(add(2, 31001));
        fake.failNext("status", new ExecResult(0, "", ""));

        assertThat(manager.survey()).hasSize(2);
    }

    @Test
    void aNodeWhoseRpcDoesNotAnswerIsKilledAndTheCommandRunsAgain() {
        manager.create(add(2, 31001));
        manager.start(names("antnode1", "antnode2"));
        alivePorts.add(32001);
        fake.failNext("stop", new ExecResult(1, "", "Error: \n   0: Could not obtain node info through RPC: "
                + "status: Cancelled, message: \"Timeout expired\"\n"));

        manager.stop(names("antnode1"));

        assertThat(fake.calls()).contains(List.of("kill", "-9", "1002"));
        assertThat(fake.calls().stream().filter(c -> c.get(0).equals("stop"))).hasSize(2);
        assertThat(manager.survey()).extracting(AntctlNode::antctlStatus).containsExactly("Stopped", "Stopped");
    }

    @Test
    void aWedgedNodeThatStillBlocksAfterAntfleetKilledItIsNamedInTheError() {
        manager.create(add(2, 31001));
        manager.start(names("antnode1", "antnode2"));
        alivePorts.add(32001);
        ExecResult wedged = new ExecResult(1, "", "Error: \n   0: Could not obtain node info through RPC: "
                + "status: Cancelled, message: \"Timeout expired\"\n");
        fake.failNext("stop", wedged).failNext("stop", wedged);

        assertThatThrownBy(() -> manager.stop(names("antnode1"))).isInstanceOf(AntctlException.class)
                .hasMessageContaining("antfleet had killed node antnode2 (pid 1002), whose RPC did not answer");
        assertThat(fake.calls()).contains(List.of("kill", "-9", "1002"));
    }

    @Test
    void aWedgedNodeThatCannotBeFoundLeavesTheErrorAsItWas() {
        manager.create(add(1, 31001));
        manager.start(names("antnode1"));
        alivePorts.add(32001);
        fake.failNext("stop", new ExecResult(1, "", "Error: \n   0: Could not obtain node info through RPC: x\n"));

        assertThatThrownBy(() -> manager.stop(names("antnode1"))).isInstanceOf(AntctlException.class)
                .hasMessageContaining("Could not obtain node info through RPC");
        assertThat(fake.calls()).noneMatch(c -> c.get(0).equals("kill"));
    }

    @Test
    void createAddsABatchInOneCallAndNamesTheNewNodesFromTheStatusDiff() {
        List<AntctlNode> added = manager.create(add(3, 31001));

        assertThat(added).extracting(n -> n.service().value()).containsExactly("antnode1", "antnode2", "antnode3");
        assertThat(added).extracting(AntctlNode::nodePort).containsExactly(31001, 31002, 31003);
        assertThat(fake.calls()).extracting(c -> c.get(0)).containsExactly("--version", "status", "add", "status");
    }

    @Test
    void theListenerHearsTheNewNodesBeforeCreateReturns() {
        List<List<AntctlNode>> heard = new ArrayList<>();

        manager.create(add(2, 31001), heard::add);

        assertThat(heard).singleElement().satisfies(nodes -> assertThat(nodes).hasSize(2));
    }

    @Test
    void numbersAreNeverReusedSoGapsStayAfterARemove() {
        manager.create(add(3, 31001));
        manager.remove(names("antnode2"), false);

        List<AntctlNode> next = manager.create(add(1, 31010));

        assertThat(next).extracting(n -> n.service().value()).containsExactly("antnode4");
        assertThat(manager.survey()).extracting(AntctlNode::antctlStatus)
                .containsExactly("Added", "Removed", "Added", "Added");
    }

    @Test
    void aPartialAddNamesTheNodesAddedBeforeTheFailureAndTheListenerHearsThem() {
        fake.addBeforeFailing(true).failNext("add", new ExecResult(1, Golden.read("add-partial-failure.txt"),
                Golden.read("add-partial-failure.stderr.txt")));
        List<List<AntctlNode>> heard = new ArrayList<>();

        assertThatThrownBy(() -> manager.create(add(3, 31001), heard::add))
                .isInstanceOfSatisfying(PartialAddException.class, e -> {
                    assertThat(e.added()).hasSize(3);
                    assertThat(e.failures()).containsExactly(
                            new NodeFailure("antnode3", "Permission denied (os error 13)"));
                    assertThat(e.exitCode()).isEqualTo(1);
                });
        assertThat(heard).singleElement().satisfies(nodes -> assertThat(nodes).hasSize(3));
    }

    @Test
    void aFailedAddThatAddedNothingRaisesTheAntctlErrorAndReportsNoNodes() {
        fake.failNext("add", new ExecResult(1, "", Golden.read("add-port-in-use.stderr.txt")));
        List<List<AntctlNode>> heard = new ArrayList<>();

        assertThatThrownBy(() -> manager.create(add(1, 31001), heard::add))
                .isExactlyInstanceOf(AntctlException.class).hasMessageContaining("Port 31001 is being used");
        assertThat(heard).singleElement().satisfies(nodes -> assertThat(nodes).isEmpty());
    }

    @Test
    void checkLinesThatDisagreeWithTheStatusDiffAreAnError() {
        fake.addBeforeFailing(true).failNext("add", new ExecResult(0, Golden.read("add-debug-noise.txt"), ""));

        assertThatThrownBy(() -> manager.create(add(1, 31001)))
                .isInstanceOf(AntctlException.class)
                .hasMessageContaining("reported [antnode2] as added but status --json shows [antnode1]");
    }

    @Test
    void restartIsStopThenStartAndRemoveIsStopThenRemove() {
        manager.create(add(2, 31001));
        manager.start(names("antnode1", "antnode2"));

        manager.restart(names("antnode1"));
        manager.remove(names("antnode2"), true);

        assertThat(fake.calls().subList(5, fake.calls().size())).containsExactly(
                List.of("stop", "--service-name", "antnode1"),
                List.of("start", "--service-name", "antnode1"),
                List.of("stop", "--service-name", "antnode2"),
                List.of("remove", "--keep-directories", "--service-name", "antnode2"));
    }

    @Test
    void teardownResetsTheRegistryWithForce() {
        manager.create(add(2, 31001));

        manager.reset();

        assertThat(fake.calls()).last().isEqualTo(List.of("reset", "--force"));
        assertThat(manager.survey()).isEmpty();
    }

    @Test
    void statusComesFromTheMetricsEndpointNotFromAntctl() {
        List<AntctlNode> nodes = manager.create(add(2, 31001));
        alivePorts.add(32001);
        int callsBefore = fake.calls().size();

        assertThat(manager.status(nodes.get(0))).isEqualTo(NodeStatus.RUNNING);
        assertThat(manager.status(nodes.get(1))).isEqualTo(NodeStatus.STOPPED);
        assertThat(fake.calls()).hasSize(callsBefore);
    }

    @Test
    void aNodeWithoutMetricsPortHasUnknownStatus() {
        AntctlNode node = manager.create(new AddRequest(1, null, null, null, null, null, null, null, false, WALLET,
                null, null, EvmNetwork.LOCAL)).get(0);

        assertThat(manager.status(node)).isEqualTo(NodeStatus.UNKNOWN);
    }

    @Test
    void anUnknownServiceAbortsWithAntctlsMessage() {
        assertThatThrownBy(() -> manager.stop(names("antnode9")))
                .isInstanceOf(AntctlException.class).hasMessageContaining("No service named 'antnode9'");
    }

    private static io.antfleet.nodemanager.AddNodesRequest request(int count, int firstPort, String path) {
        return new io.antfleet.nodemanager.AddNodesRequest(count, path, null, new PortRange(firstPort, firstPort + count - 1),
                new PortRange(firstPort + 1000, firstPort + 1000 + count - 1), null, true, WALLET, EvmNetwork.LOCAL);
    }

    @Test
    void populatingAnEmptyRegistryRunsAddAndStartOnlyAndTakesTheEntriesFromTheirOutput() {
        alivePorts.addAll(List.of(32001, 32002, 32003));
        List<Object> heard = new ArrayList<>();

        List<AntctlNode> nodes = manager.populate(List.of(request(2, 31001, null), request(1, 31003, null)), heard::add);

        assertThat(fake.calls()).extracting(c -> c.get(0)).containsExactly("--version", "add", "add", "start");
        assertThat(nodes).extracting(n -> n.service() + " " + n.antctlStatus() + " " + n.nodePort() + " " + n.metricsPort()
                + " " + n.rpcPort() + " " + n.version() + " " + n.dataDir() + " " + n.rewardsAddress() + " " + n.peerId())
                .containsExactly(
                        "antnode1 Running 31001 32001 45001 0.4.17 /var/antctl/services/antnode1 0x03b770d9cd32077cc0bf330c13c114a87643b124 12D3KooW",
                        "antnode2 Running 31002 32002 45002 0.4.17 /var/antctl/services/antnode2 0x03b770d9cd32077cc0bf330c13c114a87643b124 12D3KooW",
                        "antnode3 Running 31003 32003 45003 0.4.17 /var/antctl/services/antnode3 0x03b770d9cd32077cc0bf330c13c114a87643b124 12D3KooW");
        assertThat(heard).hasSize(2);
        assertThat(fake.registry()).allSatisfy(e -> assertThat(e.status).isEqualTo("Running"));
    }

    @Test
    void theEntriesTakenFromTheOutputAreWhatStatusShowsOnceStarted() {
        alivePorts.addAll(List.of(32001, 32002));
        List<AntctlNode> nodes = manager.populate(List.of(request(2, 31001, null)), n -> { });

        assertThat(nodes).extracting(AntctlNode::service, AntctlNode::status, AntctlNode::nodePort, AntctlNode::metricsPort,
                AntctlNode::rpcPort, AntctlNode::dataDir, AntctlNode::logDir, AntctlNode::antnodePath, AntctlNode::version,
                AntctlNode::rewardsAddress).containsExactlyElementsOf(manager.survey().stream().map(n -> org.assertj.core.api
                .Assertions.tuple(n.service(), n.status(), n.nodePort(), n.metricsPort(), n.rpcPort(), n.dataDir(), n.logDir(),
                        n.antnodePath(), n.version(), n.rewardsAddress())).toList());
    }

    @Test
    void aStartedNodeWhoseMetadataDoesNotSayItsPeerIdLeavesTheEntriesToASurvey() {
        alivePorts.add(32001);

        manager.populate(List.of(request(2, 31001, null)), n -> { });

        assertThat(fake.calls()).extracting(c -> c.get(0)).containsExactly("--version", "add", "start", "status");
    }

    @Test
    void populatingARegistryThatWasNotEmptyReadsStatusAfterTheAddAndSurveysAfterTheStart() {
        manager.create(add(1, 31001));
        int before = fake.calls().size();

        List<AntctlNode> nodes = manager.populate(List.of(request(2, 31002, null)), n -> { });

        assertThat(fake.calls().subList(before, fake.calls().size())).extracting(c -> c.get(0))
                .containsExactly("add", "status", "start", "status");
        assertThat(nodes).extracting(n -> n.service().value()).containsExactly("antnode1", "antnode2", "antnode3");
    }

    @Test
    void populatingWithABinaryByPathReadsStatusForTheVersionAddDoesNotPrint() {
        fake.binaryVersion("0.4.16");

        List<AntctlNode> nodes = manager.populate(List.of(request(1, 31001, "/opt/antnode/0.4.16/antnode")), n -> { });

        assertThat(fake.calls()).extracting(c -> c.get(0)).containsExactly("--version", "add", "status", "start", "status");
        assertThat(nodes).extracting(AntctlNode::version).containsExactly("0.4.16");
    }

    @Test
    void clientsOfContainersOfOneImageAskAntctlsVersionOnce() {
        io.antfleet.nodemanager.PerImage<AntctlDialect> dialects = new io.antfleet.nodemanager.PerImage<>();
        FakeAntctl other = new FakeAntctl("container beta (antctl+sudo)").imageId("sha256:1");
        fake.imageId("sha256:1");

        new AntctlClient(fake, AntctlSettings.defaults(), w -> { }, dialects).status();
        new AntctlClient(other, AntctlSettings.defaults(), w -> { }, dialects).status();

        assertThat(fake.calls()).extracting(c -> c.get(0)).containsExactly("--version", "status");
        assertThat(other.calls()).extracting(c -> c.get(0)).containsExactly("status");
    }
}
