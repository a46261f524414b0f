package io.antfleet.fleet.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DockerNetworkTest {
    @Test
    void aNetworkHasExactlyOneFixedAddressAndIsCountedByItOrItsSlash64() {
        assertThat(new DockerNetwork("pub", "203.0.113.7", null).addressKey()).isEqualTo("203.0.113.7");
        assertThat(new DockerNetwork("pub6", null, "2001:db8:1:2::7").addressKey()).isEqualTo("2001:0db8:0001:0002::/64");
        assertThatThrownBy(() -> new DockerNetwork("pub", null, null)).hasMessage("network pub needs exactly one fixed address, ipv4 or ipv6");
        assertThatThrownBy(() -> new DockerNetwork("pub", "203.0.113.7", "2001:db8::7")).hasMessageContaining("exactly one");
    }

    @Test
    void hostBridgeAndOddNamesAreNoUserDefinedNetworkAndAddressesMustMatchTheirFamily() {
        assertThatThrownBy(() -> new DockerNetwork("host", "10.0.0.2", null)).hasMessage("'host' is not the name of a user-defined Docker network");
        assertThatThrownBy(() -> new DockerNetwork("a b", "10.0.0.2", null)).hasMessageContaining("not the name");
        assertThatThrownBy(() -> new DockerNetwork("pub", "2001:db8::7", null)).hasMessage("'2001:db8::7' is not an IPv4 address");
        assertThatThrownBy(() -> new DockerNetwork("pub", null, "10.0.0.2")).hasMessage("'10.0.0.2' is not an IPv6 address");
        assertThatThrownBy(() -> new DockerNetwork("pub", "my.host", null)).hasMessage("'my.host' is not an IP address");
    }
}
