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
    void anUnknownStatusWordMakesThatEntryUnusableNotTheRegistry() {
        List<AntctlNode> nodes = parser.parse(Golden.read("status-unknown-status.json"));

        assertThat(nodes).filteredOn(n -> !n.isUsable()).singleElement().satisfies(n -> {
            assertThat(n.problem()).contains("Exploded");
            assertThat(n.status()).isEqualTo(io.antfleet.fleet.NodeStatus.UNKNOWN);
            assertThat(n.removed()).isFalse();
        });
    }

    @Test
    void aNumberThatDisagreesWithTheServiceNameMakesThatEntryUnusable() {
        String json = "{\"nodes\":[{\"service_name\":\"antnode2\",\"number\":3,\"status\":\"Added\"}],\"daemon\":null}";

        assertThat(parser.parse(json)).singleElement().satisfies(n -> {
            assertThat(n.service().value()).isEqualTo("antnode2");
            assertThat(n.problem()).contains("antnode2 has number 3");
        });
    }

    @Test
    void anEntryWithoutAServiceNameIsLeftOutAndTheOthersRead() {
        assertThat(parser.parse("{\"nodes\":[{\"status\":\"Added\"},{\"service_name\":\"antnode1\",\"status\":\"Added\"}]}"))
                .extracting(n -> n.service().value()).containsExactly("antnode1");
    }

    @Test
    void hostileValuesAreRefusedPerEntryAndTheHealthyEntriesBesideThemAreKept() {
        String json = "{\"nodes\":["
                + entry("antnode1", "0.4.17", "12D3KooWGood", "/var/antctl/services/antnode1")
                + "," + entry("antnode2", "0.4.17\\nnodes,id=9 x=1i", "12D3KooWGood", "/var/antctl/services/antnode2")
                + "," + entry("antnode3", "0.4.17", "A".repeat(300), "/var/antctl/services/antnode3")
                + "," + entry("antnode4", "0.4.17", "12D3KooWGood", "/" + "d".repeat(2000))
                + "," + entry("antnode5", "9".repeat(65), "12D3KooWGood", "/var/antctl/services/antnode5")
                + "," + entry("antnode6", "0.4.17", "12D3KooWGood", "/var/antctl/services/antnode6") + "]}";

        List<AntctlNode> nodes = parser.parse(json);

        assertThat(nodes).extracting(n -> n.service().value())
                .containsExactly("antnode1", "antnode2", "antnode3", "antnode4", "antnode5", "antnode6");
        assertThat(nodes.get(0).isUsable()).isTrue();
        assertThat(nodes.get(5).version()).isEqualTo("0.4.17");
        assertThat(nodes.get(1).problem()).contains("is not a version", "\\u000a");
        assertThat(nodes.get(2).problem()).contains("is not a peer id");
        assertThat(nodes.get(3).problem()).contains("data_dir_path", "at most 1024");
        assertThat(nodes.get(4).problem()).contains("is not a version");
        assertThat(nodes.subList(1, 5)).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(io.antfleet.fleet.NodeStatus.UNKNOWN);
            assertThat(n.version()).isNull();
            assertThat(n.problem().length()).as("the reason quotes at most 40 characters").isLessThan(300);
        });
    }

    @Test
    void aPathWithAControlCharacterMakesThatEntryUnusable() {
        List<AntctlNode> nodes = parser.parse("{\"nodes\":[" + entry("antnode1", "0.4.17", "12D3KooWGood",
                "/var/antctl/services/antnode1\\u001b[2J") + "," + entry("antnode2", "0.4.17", "12D3KooWGood",
                "/var/antctl/services/antnode2") + "]}");

        assertThat(nodes.get(0).problem()).contains("data_dir_path", "no control characters", "\\u001b");
        assertThat(nodes.get(1).isUsable()).isTrue();
    }

    private static String entry(String service, String version, String peerId, String dataDir) {
        return "{\"service_name\":\"" + service + "\",\"status\":\"Running\",\"version\":\"" + version
                + "\",\"peer_id\":\"" + peerId + "\",\"data_dir_path\":\"" + dataDir + "\"}";
    }
}
