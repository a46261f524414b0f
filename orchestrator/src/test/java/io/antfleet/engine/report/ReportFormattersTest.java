package io.antfleet.engine.report;

import static io.antfleet.engine.report.ReportFixtures.HOST;
import static io.antfleet.engine.report.ReportFixtures.NOW;
import static io.antfleet.engine.report.ReportFixtures.ROWS;
import static io.antfleet.engine.report.ReportFixtures.RUNNING;
import static io.antfleet.engine.report.ReportFixtures.SETTINGS;
import static io.antfleet.engine.report.ReportFixtures.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportFormattersTest {
    private static Arguments row(String name, Supplier<String> actual, String... expectedLines) {
        return Arguments.of(name, actual, String.join("\n", expectedLines));
    }

    static Stream<Arguments> reports() {
        return Stream.of(
                row("node-status text", () -> NodeReports.nodeStatus(ROWS, ReportFormat.TEXT),
                        String.format("%-20s%-20s%-55s%-15s%15s", "Container", "Service Name", "Peer ID", "Status", "Connected Peers"),
                        String.format("%-20s%-20s%-55s%-15s%15s", "home-alpha", "antnode1", "12D3KooWAbc", "RUNNING", "7"),
                        String.format("%-20s%-20s%-55s%-15s%15s", "home-alpha", "antnode2", "-", "STOPPED", "0")),
                row("node-status json, several nodes: an array", () -> NodeReports.nodeStatus(ROWS, ReportFormat.JSON),
                        "[",
                        "  {",
                        "    \"container\": \"home-alpha\",",
                        "    \"service_name\": \"antnode1\",",
                        "    \"peer_id\": \"12D3KooWAbc\",",
                        "    \"status\": \"RUNNING\",",
                        "    \"connected_peers\": 7",
                        "  },",
                        "  {",
                        "    \"container\": \"home-alpha\",",
                        "    \"service_name\": \"antnode2\",",
                        "    \"peer_id\": \"-\",",
                        "    \"status\": \"STOPPED\",",
                        "    \"connected_peers\": 0",
                        "  }",
                        "]"),
                row("node-status json, one node: an object", () -> NodeReports.nodeStatus(ROWS.subList(1, 2), ReportFormat.JSON),
                        "{",
                        "  \"container\": \"home-alpha\",",
                        "  \"service_name\": \"antnode2\",",
                        "  \"peer_id\": \"-\",",
                        "  \"status\": \"STOPPED\",",
                        "  \"connected_peers\": 0",
                        "}"),
                row("node-status with no nodes", () -> NodeReports.nodeStatus(List.of(), ReportFormat.TEXT), "No nodes found."),
                row("node-status json with no nodes", () -> NodeReports.nodeStatus(List.of(), ReportFormat.JSON),
                        "{", "  \"error\": \"No nodes found\"", "}"),
                row("node-status-details text", () -> NodeReports.nodeStatusDetails(ROWS, ReportFormat.TEXT, NOW),
                        "Container: home-alpha",
                        "Service Name: antnode1",
                        "Version: 0.4.17",
                        "Port: 55000",
                        "Metrics Port: 13000",
                        "Data path: /var/antctl/services/antnode1",
                        "Log path: /var/log/antnode/antnode1",
                        "Bin Path: /var/antctl/services/antnode1/antnode",
                        "Connected peers: 7",
                        "Rewards address: 0x03b770d9cd32077cc0bf330c13c114a87643b124",
                        "Age: 3600",
                        "Peer ID: 12D3KooWAbc",
                        "Status: RUNNING",
                        "",
                        "Container: home-alpha",
                        "Service Name: antnode2",
                        "Version: unknown",
                        "Port: 55001",
                        "Metrics Port: 13001",
                        "Data path: /var/antctl/services/antnode2",
                        "Log path: unknown",
                        "Bin Path: unknown",
                        "Connected peers: 0",
                        "Rewards address: unknown",
                        "Age: 60",
                        "Peer ID: -",
                        "Status: STOPPED"),
                row("influx-resources", () -> NodeReports.influx(ROWS, NOW),
                        "nodes,id=11 PeerId=\"12D3KooWAbc\",status=\"RUNNING\",version=\"0.4.17\",puts=12i,up_time=3600i,"
                                + "rewards=\"0.000001500\",records=120i,connected_peers=7i,network_size=2064384i,open_connections=9i,"
                                + "total_peers=40i,shunned_count=1i,bad_peers=2i,mem=55.5,cpu=1.25,rel_records=100i,max_records=4096i,"
                                + "payment_count=3i,live_time=3500i 1795741200000000000",
                        "nodes,id=12 PeerId=\"\",status=\"STOPPED\",version=\"\",rewards=\"0\" 1795741200000000000",
                        "nodes_totals rewards=\"0.000001500\",nodes_running=1i,nodes_killed=1i 1795741200000000000",
                        "nodes_network size=2064384i 1795741200000000000"),
                row("influx-resources with no nodes", () -> NodeReports.influx(List.of(), NOW), "# No nodes found"),
                row("machine-config text", () -> MachineReports.config(SETTINGS, ReportFormat.TEXT),
                        "antnode_path: /usr/local/bin/antnode",
                        "cpu_less_than: 50.5",
                        "no_upnp: true",
                        "node_cap: 50",
                        "rewards_address: 0x03b770d9cd32077cc0bf330c13c114a87643b124"),
                row("machine-config json", () -> MachineReports.config(SETTINGS, ReportFormat.JSON),
                        "{",
                        "  \"antnode_path\": \"/usr/local/bin/antnode\",",
                        "  \"cpu_less_than\": 50.5,",
                        "  \"no_upnp\": true,",
                        "  \"node_cap\": 50,",
                        "  \"rewards_address\": \"0x03b770d9cd32077cc0bf330c13c114a87643b124\"",
                        "}"),
                row("machine-config env", () -> MachineReports.config(SETTINGS, ReportFormat.ENV),
                        "ANTNODE_PATH=\"/usr/local/bin/antnode\"",
                        "CPU_LESS_THAN=50.5",
                        "NO_UPNP=true",
                        "NODE_CAP=50",
                        "REWARDS_ADDRESS=0x03b770d9cd32077cc0bf330c13c114a87643b124"),
                row("machine-config config", () -> MachineReports.config(SETTINGS, ReportFormat.CONFIG),
                        "antnode_path=\"/usr/local/bin/antnode\"",
                        "cpu_less_than=50.5",
                        "no_upnp=true",
                        "node_cap=50",
                        "rewards_address=0x03b770d9cd32077cc0bf330c13c114a87643b124"),
                row("machine-metrics text", () -> MachineReports.metrics(HOST, List.of(RUNNING, STOPPED), ReportFormat.TEXT),
                        metricLines(": ", "{'0.4.17': 1, 'unknown': 1}")),
                row("machine-metrics env", () -> MachineReports.metrics(HOST, List.of(RUNNING, STOPPED), ReportFormat.ENV),
                        envLines()),
                row("machine-metrics config", () -> MachineReports.metrics(HOST, List.of(RUNNING, STOPPED), ReportFormat.CONFIG),
                        metricLines("=", "\"{'0.4.17': 1, 'unknown': 1}\"")),
                row("machine-metrics json", () -> MachineReports.metrics(HOST, List.of(RUNNING), ReportFormat.JSON),
                        "{",
                        "  \"total_nodes\": 1,",
                        "  \"running_nodes\": 1,",
                        "  \"stopped_nodes\": 0,",
                        "  \"restarting_nodes\": 0,",
                        "  \"upgrading_nodes\": 0,",
                        "  \"removing_nodes\": 0,",
                        "  \"disabled_nodes\": 0,",
                        "  \"dead_nodes\": 0,",
                        "  \"nodes_by_version\": {",
                        "    \"0.4.17\": 1",
                        "  },",
                        "  \"load_average_1\": 1.5,",
                        "  \"load_average_5\": 1.25,",
                        "  \"load_average_15\": 1.0,",
                        "  \"used_cpu_percent\": 12.35,",
                        "  \"used_mem_percent\": 50.0,",
                        "  \"used_hd_percent\": 70.5,",
                        "  \"disk_read_bytes_per_sec\": 1000.0,",
                        "  \"disk_write_bytes_per_sec\": 2000.0,",
                        "  \"net_rx_bytes_per_sec\": 300.5,",
                        "  \"net_tx_bytes_per_sec\": 400.0",
                        "}"));
    }

    private static String[] metricLines(String separator, String versions) {
        return new String[] {"total_nodes" + separator + "2", "running_nodes" + separator + "1", "stopped_nodes" + separator + "1",
            "restarting_nodes" + separator + "0", "upgrading_nodes" + separator + "0", "removing_nodes" + separator + "0",
            "disabled_nodes" + separator + "0", "dead_nodes" + separator + "0", "nodes_by_version" + separator + versions,
            "load_average_1" + separator + "1.5", "load_average_5" + separator + "1.25", "load_average_15" + separator + "1.0",
            "used_cpu_percent" + separator + "12.35", "used_mem_percent" + separator + "50.0",
            "used_hd_percent" + separator + "70.5", "disk_read_bytes_per_sec" + separator + "1000.0",
            "disk_write_bytes_per_sec" + separator + "2000.0", "net_rx_bytes_per_sec" + separator + "300.5",
            "net_tx_bytes_per_sec" + separator + "400.0"};
    }

    private static String[] envLines() {
        return Stream.of(metricLines("=", "\"{'0.4.17': 1, 'unknown': 1}\"")).map(l -> {
            int eq = l.indexOf('=');
            return l.substring(0, eq).toUpperCase(java.util.Locale.ROOT) + l.substring(eq);
        }).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void eachReportIsWrittenInWnmsFormat(String name, Supplier<String> actual, String expected) {
        assertThat(actual.get()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "node reports refuse {0}")
    @org.junit.jupiter.params.provider.EnumSource(value = ReportFormat.class, names = {"ENV", "CONFIG"})
    void nodeReportsAreTextOrJsonOnly(ReportFormat format) {
        assertThatThrownBy(() -> NodeReports.nodeStatus(ROWS, format)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node-status is written as text or json, not " + format.label());
        assertThatThrownBy(() -> NodeReports.nodeStatusDetails(ROWS, format, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void influxStringFieldsEscapeQuotesAndRewardsSumExactly() {
        ReportRow odd = new ReportRow("c", new io.antfleet.fleet.Node(5L, 1L, io.antfleet.fleet.ServiceName.of("antnode5"),
                io.antfleet.fleet.NodeStatus.RUNNING, null, null, null, null, null, null, "0.4.\"17", null, null,
                new io.antfleet.fleet.NodeReadings(null, null, null, null, null, null, null, null, "1e-9", null, null, null,
                        null, null, null, null, null, null), NOW, NOW));

        String report = NodeReports.influx(List.of(odd, ROWS.get(0)), NOW);

        assertThat(report).contains("version=\"0.4.\\\"17\"", "nodes_totals rewards=\"0.000001501\"");
    }

    @org.junit.jupiter.api.Test
    void influxStringFieldsWriteLineBreaksEscapedSoEveryNodeStaysOneLine() {
        ReportRow odd = new ReportRow("c", new io.antfleet.fleet.Node(5L, 1L, io.antfleet.fleet.ServiceName.of("antnode5"),
                io.antfleet.fleet.NodeStatus.RUNNING, null, null, null, null, null, null, "0.4.17\nnodes,id=99 fake=1i",
                "12D3\r\nx", null, io.antfleet.fleet.NodeReadings.empty(), NOW, NOW));

        String report = NodeReports.influx(List.of(odd), NOW);

        assertThat(report).contains("version=\"0.4.17\\nnodes,id=99 fake=1i\"", "PeerId=\"12D3\\r\\nx\"");
        assertThat(report.lines().filter(l -> l.startsWith("nodes,"))).hasSize(1);
    }
}
