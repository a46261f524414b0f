package io.antfleet.store;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Records with every field set, for round trips. Times are whole microseconds, the columns' precision. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-26T10:15:30.123456Z");

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Container container(String name) {
        PortBlock ports = new PortBlock(new PortRange(55000, 55099), new PortRange(13000, 13099), new PortRange(30000, 30099));
        return new Container(null, "d0c" + UUID.randomUUID().toString().replace("-", ""), name, "antfleet/agent:stand-in",
                "running", "host", ProcessManager.ANTCTL_SUDO, ports, T0, T0.plusSeconds(1));
    }

    static NodeReadings readings(long seed) {
        return new NodeReadings("12D3KooW" + seed, "0.4." + seed, 3600 + seed, 1000 + seed, 900 + seed, 4096L,
                25 + seed, 77 + seed, "0.000000000000000123" + seed, 3L, 1L, 2L, 123.5 + seed, 12.25, 40L, 180L,
                7200L, 150000L);
    }

    static Node node(Long containerId, int number) {
        return new Node(null, containerId, ServiceName.ofNumber(number), NodeStatus.RUNNING, 55000 + number,
                13000 + number, 30000 + number, "/var/antctl/services/antnode" + number, "/var/log/antnode/antnode" + number,
                "/var/antctl/services/antnode" + number + "/antnode", "0.4.17", "12D3KooWPeer" + number,
                "0x03B770D9cD32077cC0bF330c13C114a87643B124", readings(number), T0.minus(5, ChronoUnit.MINUTES), T0);
    }
}
