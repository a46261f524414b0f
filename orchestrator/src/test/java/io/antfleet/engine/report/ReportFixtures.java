package io.antfleet.engine.report;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.decide.HostSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fixed records for the report formatters: one running node with readings, one stopped node without. */
final class ReportFixtures {
    static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");
    static final String PEER = "12D3KooWAbc";
    static final String WALLET = "0x03b770d9cd32077cc0bf330c13c114a87643b124";

    static final NodeReadings READINGS = new NodeReadings(PEER, "0.4.17", 3600L, 120L, 100L, 4096L, 7L, 12L,
            "0.000001500", 3L, 1L, 2L, 55.5, 1.25, 9L, 40L, 3500L, 2064384L);

    static final Node RUNNING = new Node(11L, 1L, ServiceName.of("antnode1"), NodeStatus.RUNNING, 55000, 13000, 30000,
            "/var/antctl/services/antnode1", "/var/log/antnode/antnode1", "/var/antctl/services/antnode1/antnode",
            "0.4.17", PEER, WALLET, READINGS, Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-27T00:10:00Z"));

    static final Node STOPPED = new Node(12L, 1L, ServiceName.of("antnode2"), NodeStatus.STOPPED, 55001, 13001, 30001,
            "/var/antctl/services/antnode2", null, null, null, null, null, NodeReadings.empty(),
            Instant.parse("2026-11-27T00:59:00Z"), Instant.parse("2026-11-27T00:59:00Z"));

    static final List<ReportRow> ROWS = List.of(new ReportRow("home-alpha", RUNNING), new ReportRow("home-alpha", STOPPED));

    static final HostSample HOST = new HostSample(12.345, 50, 70.5, 1.5, 1.25, 1, 1000, 2000, 300.5, 400);

    static final Map<String, String> SETTINGS = new TreeMap<>(Map.of("node_cap", "50", "cpu_less_than", "50.5",
            "antnode_path", "/usr/local/bin/antnode", "no_upnp", "true", "rewards_address", WALLET));

    private ReportFixtures() {
    }
}
