package io.antfleet.ant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.NodeStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shapes of ant-v2-contract.md, read as the contract prints them (examples copied from §2.1, §2.2, §2.5, §4.2). */
class AntJsonTest {
    static final String REGISTRY = """
            { "schema_version": 1,
              "nodes": {
                "2": { "id": 2, "service_name": "node2", "rewards_address": "0x03B770D9cD32077cC0bF330c13C114a87643B124",
                  "data_dir": "/root/.local/share/ant/nodes/node-2", "log_dir": null, "node_port": 12001, "metrics_port": null,
                  "network_id": 1, "binary_path": "/root/.local/share/ant/nodes/node-2/ant-node", "version": "0.14.2",
                  "env_variables": {}, "bootstrap_peers": [] },
                "1": { "id": 1, "service_name": "node1", "rewards_address": "0x03B770D9cD32077cC0bF330c13C114a87643B124",
                  "data_dir": "/root/.local/share/ant/nodes/node-1", "log_dir": null, "node_port": 12000, "metrics_port": null,
                  "network_id": 1, "binary_path": "/root/.local/share/ant/nodes/node-1/ant-node", "version": "0.14.2",
                  "env_variables": { "ANT_EVM_NETWORK": "arbitrum-sepolia" }, "bootstrap_peers": [] } },
              "next_id": 3 }
            """;
    static final String STATUS = """
            { "nodes": [
                { "node_id": 1, "name": "node1", "version": "0.14.2", "status": "running", "pid": 4242, "uptime_secs": 3600 },
                { "node_id": 2, "name": "node2", "version": "0.14.2", "status": "upgrade_scheduled", "pid": 4250,
                  "uptime_secs": 7200, "pending_version": "0.14.3" } ],
              "total_running": 2, "total_stopped": 0 }
            """;

    @Test
    void theRegistryIsReadInIdOrderWhateverTheMapOrder() {
        List<AntNode> nodes = AntJson.registry(REGISTRY);

        assertThat(nodes).extracting(n -> n.service().value() + " " + n.nodePort() + " " + n.dataDir())
                .containsExactly("node1 12000 /root/.local/share/ant/nodes/node-1", "node2 12001 /root/.local/share/ant/nodes/node-2");
        assertThat(nodes).allSatisfy(n -> assertThat(n.status()).isEqualTo(NodeStatus.STOPPED));
    }

    @Test
    void statusGivesEachNodeTheDaemonsWordAndAPendingVersion() {
        List<AntNode> merged = AntJson.merge(AntJson.registry(REGISTRY), AntJson.status(STATUS));

        assertThat(merged).extracting(n -> n.managerStatus() + " " + n.status() + " " + n.pid() + " " + n.pendingVersion())
                .containsExactly("running RUNNING 4242 null", "upgrade_scheduled RUNNING 4250 0.14.3");
    }

    @Test
    void aNodeTheDaemonDoesNotListIsStopped() {
        List<AntNode> merged = AntJson.merge(AntJson.registry(REGISTRY), Map.of());

        assertThat(merged).extracting(AntNode::managerStatus).containsExactly("stopped", "stopped");
    }

    @Test
    void anEmptyRegistryFileIsAnEmptyRegistry() {
        assertThat(AntJson.registry("")).isEmpty();
        assertThat(AntJson.registry("{\"schema_version\":1,\"nodes\":{},\"next_id\":1}")).isEmpty();
    }

    @Test
    void addIsReadFromTheFirstBraceAfterProgressLines() {
        String out = "⟳ Extracting archive...\n✓ Using cached ant-node v0.14.2\n{\"nodes_added\":[{\"id\":3,\"service_name\":\"node3\","
                + "\"rewards_address\":\"0x03B770D9cD32077cC0bF330c13C114a87643B124\",\"data_dir\":\"/d/node-3\",\"log_dir\":null,"
                + "\"node_port\":12002,\"metrics_port\":null,\"network_id\":1,\"binary_path\":\"/d/node-3/ant-node\","
                + "\"version\":\"0.14.2\",\"env_variables\":{},\"bootstrap_peers\":[]}]}";

        assertThat(AntJson.added(out)).extracting(n -> n.service().value() + " " + n.nodePort()).containsExactly("node3 12002");
    }

    @Test
    void daemonStatusDownWithAStalePortFileIsNotRunning() {
        AntJson.DaemonState down = AntJson.daemon("{\"running\":false,\"pid\":null,\"port\":40123,\"uptime_secs\":null,"
                + "\"nodes_total\":0,\"nodes_running\":0,\"nodes_stopped\":0,\"nodes_errored\":0}");

        assertThat(down.running()).isFalse();
        assertThat(down.port()).isEqualTo(40123);
    }

    @Test
    void theVersionLineIsAntAndASemver() {
        assertThat(AntJson.version("ant 0.2.0\n")).isEqualTo("0.2.0");
        assertThatThrownBy(() -> AntJson.version("antctl 0.14.2")).hasMessageContaining("expected 'ant X.Y.Z'")
                .hasMessageContaining("antctl 0.14.2");
    }

    @Test
    void garbageIsRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> AntJson.status("Error: something <html>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status is not JSON");
        assertThatThrownBy(() -> AntJson.status("{\"nodes\":[{\"node_id\":1,\"status\":\"dancing\"}]}"))
                .hasMessageContaining("unknown ant node status 'dancing'");
        assertThatThrownBy(() -> AntJson.registry("{\"nodes\":{}}")).hasMessageContaining("lacks 'nodes' or 'next_id'");
        assertThatThrownBy(() -> AntJson.registry(REGISTRY.replace("\"service_name\": \"node1\"", "\"service_name\": \"antnode1\"")))
                .hasMessageContaining("is named 'antnode1', not node1");
        assertThatThrownBy(() -> AntJson.daemon("{\"pid\":3}")).hasMessageContaining("no boolean 'running'");
    }

    @Test
    void anEntryWithHostileValuesIsUnusableAndTheOthersStay() {
        List<AntNode> nodes = AntJson.registry(REGISTRY.replace("/root/.local/share/ant/nodes/node-2\",", "/tmp/$(reboot)\","));

        assertThat(nodes).extracting(n -> n.service().value() + " " + n.status() + " " + n.isUsable())
                .containsExactly("node1 STOPPED true", "node2 UNKNOWN false");
        assertThat(nodes.get(1).problem()).contains("invalid data_dir '/tmp/$(reboot)'");
    }
}
