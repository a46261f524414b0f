package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** antctl-contract.md section 5: user mode chosen by effective uid, as {@code ant}. Ports 22000-22999. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UserModeContractIT extends ContractTestBase {
    @Override
    String containerName() {
        return "usermode";
    }

    private static final String ANT = "ant";

    /** User mode needs systemd (OpenRC refuses user-level services): these tests stand for a systemd host. */
    @BeforeEach
    void onSystemd() {
        agent.writeFile("/etc/antctl-standin/config", "peer_wait_ms=300\nservice_manager=systemd\n");
    }

    @Test
    void underOpenRcAsInTheImageAUserModeAddIsRefusedPerNode() {
        agent.writeFile("/etc/antctl-standin/config", StandinContainer.DEFAULT_CONFIG);

        StandinContainer.Exec r = agent.add(ANT, "--count", "2", "--node-port", "22041-22042");

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("Failed to add 2 service(s):\n✕ antnode1: OpenRC does not support user-level services\n");
        assertThat(agent.nodes(ANT)).isEmpty();
        assertThat(agent.add("root", "--node-port", "22043").exit()).isZero();
    }

    @Test
    void nonRootAddWritesTheRegistryUnderTheUsersHome() {
        StandinContainer.Exec r = agent.add(ANT, "--node-port", "22001");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(agent.ant("cat", StandinContainer.USER_REGISTRY).out()).startsWith("{\"daemon\":null,");
        Map<?, ?> node = agent.node(ANT, "antnode1");
        assertThat(node.get("user")).isNull();
        assertThat(node.get("user_mode")).isEqualTo(true);
        assertThat(node.get("data_dir_path")).isEqualTo("/home/ant/.local/share/autonomi/node/antnode1");
        assertThat(node.get("log_dir_path")).isEqualTo("/home/ant/.local/share/autonomi/node/antnode1/logs");
    }

    @Test
    void rootAndUserRegistriesAreIndependent() {
        agent.add(ANT, "--node-port", "22011");
        agent.add("root", "--count", "2", "--node-port", "22012-22013");

        assertThat(agent.nodes(ANT)).hasSize(1);
        assertThat(agent.nodes("root")).hasSize(2);
        assertThat(agent.add(ANT, "--node-port", "22012").exit()).isZero();
    }

    @Test
    void userModeNodesRunAsTheUser() {
        agent.add(ANT, "--node-port", "22021", "--metrics-port", "22022", "--rpc-port", "22023");

        StandinContainer.Exec r = agent.antctl(ANT, "start");

        assertThat(r.exit()).as(r.toString()).isZero();
        Object pid = agent.node(ANT, "antnode1").get("pid");
        assertThat(agent.ant("stat", "-c", "%U", "/proc/" + pid).out().trim()).isEqualTo("ant");
        assertThat(agent.antctl(ANT, "stop").exit()).isZero();
    }

    @Test
    void userModeStatusJsonOfEmptyRegistryPrintsNothing() {
        agent.add("root", "--node-port", "22031");

        StandinContainer.Exec r = agent.antctl(ANT, "status", "--json");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void userCanScriptFaultsToo() {
        agent.ant("sh", "-c", "echo 'status exit=1 message=user fault' > /etc/antctl-standin/faults");

        assertThat(agent.antctl(ANT, "status").exit()).isEqualTo(1);
    }
}
