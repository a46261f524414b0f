package io.antfleet.antctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.NodeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusJsonParserTest {
    private final StatusJsonParser parser = new StatusJsonParser();

    @Test
    void everyRegistryEntryIsReadIncludingRemovedOnes() {
        List<AntctlNode> nodes = parser.parse(Golden.read("status-mixed.json"));

        assertThat(nodes).extracting(n -> n.service().value())
                .containsExactly("antnode1", "antnode2", "antnode3", "antnode4");
        assertThat(nodes).extracting(AntctlNode::antctlStatus).containsExactly("Running", "Stopped", "Removed", "Added");
        assertThat(nodes).extracting(AntctlNode::status)
                .containsExactly(NodeStatus.RUNNING, NodeStatus.STOPPED, NodeStatus.DEAD, NodeStatus.STOPPED);
    }

    @Test
    void portsPathsAndIdentityAreMappedFromTheirKeys() {
        AntctlNode first = parser.parse(Golden.read("status-mixed.json")).get(0);

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.nodePort()).isEqualTo(31001);
        assertThat(first.metricsPort()).isEqualTo(32001);
        assertThat(first.rpcPort()).isEqualTo(33001);
        assertThat(first.rpcSocketAddr()).isEqualTo("127.0.0.1:33001");
        assertThat(first.dataDir()).isEqualTo("/var/antctl/services/antnode1");
        assertThat(first.logDir()).isEqualTo("/var/log/antnode/antnode1");
        assertThat(first.antnodePath()).isEqualTo("/var/antctl/services/antnode1/antnode");
        assertThat(first.peerId()).isEqualTo("12D3KooWQx5bYsFJH7xUwK6MzXcbsXcLVVb7rR2FKDaoYH3Hx2pQ");
        assertThat(first.pid()).isEqualTo(41234L);
        assertThat(first.version()).isEqualTo("0.4.17");
        assertThat(first.user()).isEqualTo("ant");
        assertThat(first.userMode()).isFalse();
        assertThat(first.connectedPeers()).isEqualTo(6);
        assertThat(first.rewardsAddress()).isEqualTo("0x03b770d9cd32077cc0bf330c13c114a87643b124");
    }

    @Test
    void aMetricsPortThatWasNeverRequestedIsNullNotZero() {
        AntctlNode added = parser.parse(Golden.read("status-mixed.json")).get(3);

        assertThat(added.metricsPort()).isNull();
        assertThat(added.peerId()).isNull();
        assertThat(added.pid()).isNull();
    }

    @Test
    void userModeEntriesHaveNoServiceUser() {
        List<AntctlNode> nodes = parser.parse(Golden.read("status-user-mode.json"));

        assertThat(nodes).allSatisfy(n -> {
            assertThat(n.userMode()).isTrue();
            assertThat(n.user()).isNull();
        });
        assertThat(nodes.get(0).dataDir()).isEqualTo("/home/ant/.local/share/autonomi/node/antnode1");
    }

    @Test
    void emptyStdoutMeansAnEmptyRegistry() {
        assertThat(parser.parse(Golden.read("status-empty.txt"))).isEmpty();
        assertThat(parser.parse("\n")).isEmpty();
    }

    @Test
    void schemaZeroRegistriesWithOldKeysAndAFaucetAreAccepted() {
        List<AntctlNode> nodes = parser.parse(Golden.read("status-schema0.json"));

        assertThat(nodes).extracting(AntctlNode::number).containsExactly(1, 2);
        assertThat(nodes.get(0).metricsPort()).isEqualTo(13001);
        assertThat(nodes.get(1).status()).isEqualTo(NodeStatus.STOPPED);
    }

    @Test
    void unknownKeysAreIgnored() {
        List<AntctlNode> nodes = parser.parse(Golden.read("status-schema1-unknown-keys.json"));

        assertThat(nodes).singleElement().satisfies(n -> assertThat(n.pid()).isEqualTo(777L));
    }

    @Test
    void truncatedJsonIsAnErrorNotAnEmptyFleet() {
        assertThatThrownBy(() -> parser.parse(Golden.read("status-truncated.json")))
                .isInstanceOf(AntctlOutputException.class).hasMessageContaining("invalid JSON");
    }

    @Test
    void aBareArrayIsNotTheObjectShapeAntctlPrints() {
        assertThatThrownBy(() -> parser.parse(Golden.read("status-bare-array.json")))
                .isInstanceOf(AntctlOutputException.class).hasMessageContaining("object");
    }

    @Test
    void anUnknownStatusWordIsAnError() {
        assertThatThrownBy(() -> parser.parse(Golden.read("status-unknown-status.json")))
                .isInstanceOf(AntctlOutputException.class).hasMessageContaining("Exploded");
    }

    @Test
    void aNumberThatDisagreesWithTheServiceNameIsAnError() {
        String json = "{\"nodes\":[{\"service_name\":\"antnode2\",\"number\":3,\"status\":\"Added\"}],\"daemon\":null}";

        assertThatThrownBy(() -> parser.parse(json)).isInstanceOf(AntctlOutputException.class)
                .hasMessageContaining("antnode2 has number 3");
    }

    @Test
    void anEntryWithoutAServiceNameIsAnError() {
        assertThatThrownBy(() -> parser.parse("{\"nodes\":[{\"status\":\"Added\"}]}"))
                .isInstanceOf(AntctlOutputException.class).hasMessageContaining("service_name");
    }
}
