package io.antfleet.ant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.docker.ExecResult;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.AddNodesRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AntManager} against a scripted container: the calls it makes and how it reads the answers. */
class AntManagerTest {
    private static final WalletAddress WALLET = new WalletAddress("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    private static final ServiceName NODE1 = ServiceName.of("node1");
    private final FakeAnt ant = new FakeAnt();

    @Test
    void anUnknownAntVersionIsRefusedByNameBeforeAnythingElseRuns() {
        ant.answer("ant --version", 0, "ant 0.3.1\n");

        assertThatThrownBy(() -> ant.manager().survey()).isInstanceOf(AntException.class)
                .hasMessageContaining("ant 0.3.1 is not a version antfleet knows (it knows 0.2.0)")
                .hasMessageContaining("container alpha");
        assertThat(ant.calls).containsExactly("ant --version");
    }

    @Test
    void anImageWithoutAntNamesTheContainerAndWhatIsMissing() {
        ant.answer("ant --version", 127, "", "timeout: can't execute 'ant': No such file or directory");

        assertThatThrownBy(() -> ant.manager().survey()).isInstanceOf(AntMissingException.class)
                .hasMessageContaining("nodeManager ant needs 'ant' in the image, and it is missing")
                .hasMessageContaining("container alpha (ant)");
    }

    @Test
    void surveyMergesTheRegistryWithTheDaemonsStatus() {
        ant.answer("cat " + FakeAnt.REGISTRY, 0, AntJsonTest.REGISTRY).answer("ant node status --json", 0, AntJsonTest.STATUS);

        assertThat(ant.manager().survey()).extracting(n -> n.service() + " " + n.managerStatus())
                .containsExactly("node1 running", "node2 upgrade_scheduled");
    }

    @Test
    void garbageFromAntIsAnErrorNamingTheCommand() {
        ant.answer("cat " + FakeAnt.REGISTRY, 0, AntJsonTest.REGISTRY).answer("ant node status --json", 0, "Segmentation fault");

        assertThatThrownBy(() -> ant.manager().survey()).isInstanceOf(AntException.class)
                .hasMessageContaining("ant node status printed something antfleet cannot read")
                .hasMessageContaining("[ant, node, status, --json]");
    }

    @Test
    void aDownDaemonIsStartedAfterItsStalePidFilesGoThenTheNodeStartsAndAlreadyRunningCounts() {
        ant.answer("cat " + FakeAnt.REGISTRY, 0, AntJsonTest.REGISTRY)
                .answers("ant node daemon status --json", new ExecResult(0, "{\"running\": false, \"port\": 40000}", ""),
                        new ExecResult(0, "{\"running\": false, \"port\": null}", ""),
                        new ExecResult(0, "{\"running\": true, \"port\": 40123}", ""))
                .answer("rm -f", 0, "").answer("ant node daemon start --json", 0, "{\"already_running\":false,\"pid\":9,\"port\":null}")
                .answer("ant node start --json --service-name node1", 1, "",
                        "Error: HTTP request error: {\"current_state\":{\"node_id\":1,\"pid\":4242,\"status\":\"running\",\"uptime_secs\":9},"
                                + "\"error\":\"Node 1 is already running\"}");

        ant.manager().start(List.of(NODE1));

        assertThat(ant.calls).containsSubsequence("ant node daemon status --json",
                "rm -f /home/ant/.local/share/ant/daemon.pid /home/ant/.local/share/ant/daemon.port "
                        + "/root/.local/share/ant/nodes/node-1/node.pid /root/.local/share/ant/nodes/node-2/node.pid",
                "ant node daemon start --json", "ant node daemon status --json", "ant node daemon status --json",
                "ant node start --json --service-name node1");
    }

    @Test
    void aDaemonThatWillNotStartIsAnError() {
        ant.answer("ant node daemon status --json", 0, "{\"running\": false, \"port\": null}").answer("rm -f", 0, "")
                .answer("ant node daemon start --json", 0, "{\"already_running\":false,\"pid\":9,\"port\":null}");
        AntSettings quick = new AntSettings("ant", List.of("timeout", "-s", "KILL"), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300), java.util.Set.of("0.2.0"));

        assertThatThrownBy(() -> ant.manager(quick).start(List.of(NODE1))).isInstanceOf(AntException.class)
                .hasMessageContaining("did not report running:true");
        assertThat(ant.calls).doesNotContain("ant node start --json --service-name node1");
    }

    @Test
    void aStartThatFailsForAnotherReasonIsAnError() {
        ant.answer("ant node start --json --service-name node1", 1, "",
                "Error: HTTP request error: {\"error\":\"Process spawn failed: Node 1 exited immediately: exit code: exit status: 2\"}");

        assertThatThrownBy(() -> ant.manager().start(List.of(NODE1))).hasMessageContaining("ant node start of node1 failed")
                .hasMessageContaining("exited immediately");
    }

    @Test
    void removeStopsDeletesThroughTheApiThenDeletesTheDirectories() {
        ant.answer("cat " + FakeAnt.REGISTRY, 0, AntJsonTest.REGISTRY)
                .answer("ant node stop --json --service-name node2", 1, "",
                        "Error: HTTP request error: {\"current_state\":{\"node_id\":2,\"status\":\"stopped\"},\"error\":\"Node 2 is not running\"}")
                .answer("curl", 0, "200");
        ant.answer("rm -rf", 0, "");

        ant.manager().remove(List.of(ServiceName.of("node2")), false);

        assertThat(ant.calls).containsSubsequence("ant node stop --json --service-name node2",
                "curl -sS -m 30 -X DELETE -o /dev/null -w %{http_code} http://127.0.0.1:40123/api/v1/nodes/2",
                "rm -rf -- /root/.local/share/ant/nodes/node-2");
    }

    @Test
    void aRefusedDeleteIsAnErrorAndTheDirectoriesStay() {
        ant.answer("cat " + FakeAnt.REGISTRY, 0, AntJsonTest.REGISTRY).answer("ant node stop", 0, "{}").answer("curl", 0, "409");

        assertThatThrownBy(() -> ant.manager().remove(List.of(ServiceName.of("node2")), false))
                .hasMessageContaining("DELETE /api/v1/nodes/2 answered 409");
        assertThat(ant.calls).noneMatch(c -> c.startsWith("rm -rf"));
    }

    @Test
    void addPassesEveryNodeItsOwnPortAndTheNetworkThroughTheEnvironment() {
        ant.answer("ant node add", 0, "{\"nodes_added\":[]}");
        AddNodesRequest request = new AddNodesRequest(2, "/opt/ant-node/0.14.2/ant-node", null, new PortRange(12000, 12001),
                null, null, false, WALLET, EvmNetwork.ARBITRUM_SEPOLIA_TEST);
        List<Object> heard = new ArrayList<>();

        ant.manager().add(request, heard::add);

        assertThat(ant.calls).contains("ant node add --json --rewards-address " + WALLET + " --count 2 --node-port 12000-12001 "
                + "--path /opt/ant-node/0.14.2/ant-node --env ANT_EVM_NETWORK=arbitrum-sepolia");
        assertThat(heard).hasSize(1);
    }

    @Test
    void addRefusesANetworkAntNodeHasNoNameForAndAPortShortOfTheCount() {
        assertThatThrownBy(() -> ant.manager().add(AddNodesRequest.of(1, WALLET, EvmNetwork.LOCAL), n -> { }))
                .hasMessageContaining("network evm-local has no ant-node equivalent");
        assertThatThrownBy(() -> ant.manager().add(new AddNodesRequest(2, null, null, PortRange.single(12000), null, null,
                false, WALLET, EvmNetwork.ARBITRUM_ONE), n -> { })).hasMessageContaining("needs one node port per node");
        assertThat(ant.calls).noneMatch(c -> c.startsWith("ant node add"));
    }

    @Test
    void antHasNoUpgradeCommand() {
        assertThat(ant.manager().upgrader()).isEmpty();
    }

    @Test
    void anAntctlServiceNameIsRefused() {
        assertThatThrownBy(() -> ant.manager().start(List.of(ServiceName.of("antnode1"))))
                .hasMessageContaining("'antnode1' is not an ant node service");
    }

    /** {@code add --json} of nodes {@code ids}, ports 12000.. (§2.2's NodeConfig). */
    private static String added(int... ids) {
        List<String> nodes = new ArrayList<>();
        for (int id : ids) {
            nodes.add("{\"id\":" + id + ",\"service_name\":\"node" + id + "\",\"rewards_address\":\"" + WALLET
                    + "\",\"data_dir\":\"/home/ant/.local/share/ant/nodes/node-" + id + "\",\"log_dir\":null,"
                    + "\"node_port\":" + (11999 + id) + ",\"metrics_port\":null,\"network_id\":1,\"binary_path\":"
                    + "\"/home/ant/.local/share/ant/nodes/node-" + id + "/ant-node\",\"version\":\"0.14.2\","
                    + "\"env_variables\":{},\"bootstrap_peers\":[]}");
        }
        return "{\"nodes_added\":[" + String.join(",", nodes) + "]}";
    }

    private static final String ADD_TWO = "ant node add --json --rewards-address " + WALLET
            + " --count 2 --node-port 12000-12001 --path /opt/ant-node/0.14.2/ant-node";

    private static AddNodesRequest two() {
        return new AddNodesRequest(2, "/opt/ant-node/0.14.2/ant-node", null, new PortRange(12000, 12001), null, null, false,
                WALLET, EvmNetwork.ARBITRUM_ONE);
    }

    @Test
    void populatingAFreshContainerStartsTheDaemonAddsAndStartsAllInThreeCallsAndTakesThePidsFromTheStart() {
        ant.answer("ant node daemon start --json", 0, "{\"already_running\":false,\"pid\":9,\"port\":40123}")
                .answer("ant node add", 0, added(1, 2))
                .answer("ant node start --json", 0, "{\"started\":[{\"node_id\":1,\"service_name\":\"node1\",\"pid\":501},"
                        + "{\"node_id\":2,\"service_name\":\"node2\",\"pid\":502}],\"failed\":[],\"already_running\":[]}");
        List<Object> heard = new ArrayList<>();

        List<AntNode> nodes = ant.manager().populate(List.of(two()), heard::add);

        assertThat(ant.calls).containsExactly("ant --version", "ant node daemon start --json", ADD_TWO, "ant node start --json");
        assertThat(nodes).extracting(n -> n.service() + " " + n.managerStatus() + " " + n.pid() + " " + n.nodePort())
                .containsExactly("node1 running 501 12000", "node2 running 502 12001");
        assertThat(heard).hasSize(1);
    }

    @Test
    void aDaemonStartWhosePortIsPendingIsConfirmedByStatusBeforeTheAdd() {
        ant.answer("ant node daemon start --json", 0, "{\"already_running\":false,\"pid\":9,\"port\":null}")
                .answers("ant node daemon status --json", new ExecResult(0, "{\"running\": false, \"port\": null}", ""),
                        new ExecResult(0, "{\"running\": true, \"port\": 40123}", ""))
                .answer("ant node add", 0, added(1, 2))
                .answer("ant node start --json", 0, "{\"started\":[{\"node_id\":1,\"service_name\":\"node1\",\"pid\":501},"
                        + "{\"node_id\":2,\"service_name\":\"node2\",\"pid\":502}],\"failed\":null,\"already_running\":null}");

        ant.manager().populate(List.of(two()), n -> { });

        assertThat(ant.calls).containsExactly("ant --version", "ant node daemon start --json", "ant node daemon status --json",
                "ant node daemon status --json", ADD_TWO, "ant node start --json");
    }

    @Test
    void populatingWhereTheDaemonStartFindsALivePidFileTakesTheCarefulPath() {
        ant.answer("ant node daemon start --json", 0, "{\"already_running\":true,\"pid\":7,\"port\":40123}")
                .answer("ant node add", 0, added(1, 2)).answer("ant node start --json --service-name", 0, "{}")
                .answer("ant node status --json", 0, AntJsonTest.STATUS);

        ant.manager().populate(List.of(two()), n -> { });

        assertThat(ant.calls).containsSubsequence("ant node daemon start --json", "cat " + FakeAnt.REGISTRY,
                "ant node daemon status --json", ADD_TWO, "ant node start --json --service-name node1",
                "ant node start --json --service-name node2", "cat " + FakeAnt.REGISTRY);
    }

    @Test
    void populatingARegistryThatWasNotEmptyStartsItsOwnNodesByNameAndSurveys() {
        ant.answer("ant node daemon start --json", 0, "{\"already_running\":false,\"pid\":9,\"port\":40123}")
                .answer("ant node add", 0, added(3, 4)).answer("ant node start --json --service-name", 0, "{}");

        ant.manager().populate(List.of(two()), n -> { });

        assertThat(ant.calls).containsSubsequence(ADD_TWO, "ant node start --json --service-name node3",
                "ant node start --json --service-name node4", "cat " + FakeAnt.REGISTRY).doesNotContain("ant node start --json");
    }

    @Test
    void aNodeTheStartAllCouldNotStartFailsThePopulateNamingIt() {
        ant.answer("ant node daemon start --json", 0, "{\"already_running\":false,\"pid\":9,\"port\":40123}")
                .answer("ant node add", 0, added(1, 2))
                .answer("ant node start --json", 0, "{\"started\":[{\"node_id\":1,\"service_name\":\"node1\",\"pid\":501}],"
                        + "\"failed\":[{\"node_id\":2,\"service_name\":\"node2\",\"error\":\"Process spawn failed: Node 2 exited "
                        + "immediately\"}],\"already_running\":[]}");

        assertThatThrownBy(() -> ant.manager().populate(List.of(two()), n -> { })).isInstanceOf(AntException.class)
                .hasMessageContaining("node2: Process spawn failed: Node 2 exited immediately");
    }

    @Test
    void managersOfOneImageAskAntsVersionOnce() {
        AntSettings settings = AntSettings.defaults();
        io.antfleet.nodemanager.PerImage<String> versions = new io.antfleet.nodemanager.PerImage<>();
        io.antfleet.docker.FakeDockerGateway docker = ant.docker;
        AntManager first = new AntManager(new AntExec(docker, "c1", "alpha", settings) {
            @Override
            public java.util.Optional<String> imageId() {
                return java.util.Optional.of("sha256:1");
            }
        }, settings, versions);
        AntManager second = new AntManager(new AntExec(docker, "c1", "beta", settings) {
            @Override
            public java.util.Optional<String> imageId() {
                return java.util.Optional.of("sha256:1");
            }
        }, settings, versions);

        first.toolVersion();
        second.toolVersion();

        assertThat(ant.calls).containsExactly("ant --version");
    }
}
