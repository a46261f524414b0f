package io.antfleet.fleet.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.plan.AddressLimit.AddressLimitException;
import io.antfleet.fleet.plan.AddressLimit.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressLimitTest {
    private final AddressLimit limit = new AddressLimit(AddressLimit.DEFAULT);

    @Test
    void theDefaultIsFiftyNodesPerAddress() {
        assertThat(AddressLimit.DEFAULT).isEqualTo(50);
        assertThatCode(() -> limit.check(List.of(new Placement("a", AddressLimit.HOST, 30),
                new Placement("b", AddressLimit.HOST, 20)))).doesNotThrowAnyException();
    }

    @Test
    void hostNetworkedContainersShareOneAddressAndAreRefusedTogetherNamingTheSetting() {
        List<Placement> placements = List.of(new Placement("a", AddressLimit.HOST, 30),
                new Placement("b", AddressLimit.HOST, 21), new Placement("c", "192.168.77.10", 50));

        assertThatThrownBy(() -> limit.check(placements)).isInstanceOf(AddressLimitException.class)
                .hasMessageStartingWith("51 nodes behind the host's address (a: 30, b: 21): over max-nodes-per-address = 50,")
                .hasMessageContaining("change max-nodes-per-address (nothing was changed)");
    }

    @Test
    void ipv6AddressesAreCountedPerSlash64() {
        assertThat(AddressLimit.addressKey("2001:db8:0:1::5")).isEqualTo(AddressLimit.addressKey("2001:db8:0:1:ffff::9"))
                .isEqualTo("2001:0db8:0000:0001::/64");
        assertThat(AddressLimit.addressKey("2001:db8:0:2::5")).isNotEqualTo(AddressLimit.addressKey("2001:db8:0:1::5"));
        assertThat(AddressLimit.addressKey("10.0.0.7")).isEqualTo("10.0.0.7");
        String key = AddressLimit.addressKey("2001:db8:0:1::5");

        assertThatThrownBy(() -> limit.check(List.of(new Placement("a", key, 25), new Placement("b", key, 26))))
                .hasMessageStartingWith("51 nodes behind 2001:0db8:0000:0001::/64 (a: 25, b: 26)");
    }

    @Test
    void roomIsWhatIsLeftBehindAnAddress() {
        List<Placement> placements = List.of(new Placement("a", AddressLimit.HOST, 45), new Placement("b", "10.0.0.2", 50));

        assertThat(limit.room(placements, AddressLimit.HOST)).isEqualTo(5);
        assertThat(limit.room(placements, "10.0.0.2")).isZero();
        assertThat(limit.room(placements, "10.0.0.3")).isEqualTo(50);
    }

    @Test
    void aHostNameOrGarbageIsNoAddressAndAZeroLimitIsRefused() {
        assertThatThrownBy(() -> AddressLimit.addressKey("example.org")).hasMessage("'example.org' is not an IP address");
        assertThatThrownBy(() -> new AddressLimit(0)).hasMessage("max-nodes-per-address 0 must be at least 1");
    }
}
