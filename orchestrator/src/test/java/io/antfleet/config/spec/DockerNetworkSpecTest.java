package io.antfleet.config.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.antfleet.fleet.spec.DockerNetwork;
import io.antfleet.fleet.spec.FleetSpec;
import org.junit.jupiter.api.Test;

/** The {@code dockerNetwork} key of a container: shape, addresses, and only for containers whose nodes need no loopback metrics. */
class DockerNetworkSpecTest {
    private static String spec(String processManager, String dockerNetwork) {
        return String.join("\n", "apiVersion: antfleet/v1", "fleet: home", "image: antfleet/agent:stand-in",
                "processManager: " + processManager, "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'",
                "containers:", "  - name: alpha", "    nodes: 2", "    dockerNetwork: " + dockerNetwork, "");
    }

    @Test
    void anAntContainerGetsItsNetworkAndFixedAddress() {
        FleetSpec spec = new SpecLoader().parse("f.yaml", spec("ant", "{name: pub, ipv6: '2001:db8:1:2::10'}").replace(
                "processManager: ant", "nodeManager: ant"));

        assertThat(spec.containers().get(0).dockerNetwork()).contains(new DockerNetwork("pub", null, "2001:db8:1:2::10"));
    }

    @Test
    void anAntContainerWithTwoAddressesIsRefusedAtTheKeysLine() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> new SpecLoader().parse("f.yaml",
                spec("ant", "{name: pub, ipv4: 203.0.113.7, ipv6: '2001:db8::7'}").replace("processManager: ant", "nodeManager: ant")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(9);
            assertThat(p.message()).isEqualTo("containers[0].dockerNetwork: network pub needs exactly one fixed address, ipv4 or ipv6");
        });
    }

    @Test
    void anAntctlContainerOnADockerNetworkIsRefusedSayingWhy() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> new SpecLoader().parse("f.yaml", spec("antctl+sudo", "{name: pub, ipv4: 203.0.113.7}")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(9);
            assertThat(p.message()).contains("dockerNetwork needs nodeManager ant").contains("127.0.0.1")
                    .contains("antctl+sudo");
        });
    }

    @Test
    void unknownKeysAndAMissingNameAreReportedAtTheirLines() {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
                () -> new SpecLoader().parse("f.yaml", spec("antctl+sudo", "{nmae: pub, ipv4: 203.0.113.7}")));

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.location().line()).isEqualTo(9));
        assertThat(e.getMessage()).contains("nmae");
    }
}
