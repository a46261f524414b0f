package io.antfleet.standin.ant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/contracts/ant-v2-contract.md §2.3–2.6 and §3.5: start, stop, status, reset, and how a node is spawned. */
class AntNodeLifecycleContractIT extends AntContractTestBase {

    @Test
    void startAndStopNeedTheDaemon() {
        ant.add();
        for (String cmd : List.of("start", "stop")) {
            AntAgent.Exec r = ant.ant("node", cmd, "--service-name", "node1");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("Error: The daemon is not running. Start it first with: ant node daemon start\n");
        }
    }

    @Test
    void startOneNodeByServiceName() {
        ant.add();
        ant.startDaemon();
        AntAgent.Exec human = ant.ok("node", "start", "--service-name", "node1");
        assertThat(human.out()).matches("✓ Node node1 \\(1\\) started — PID \\d+\n");
        ant.ok("node", "stop", "--service-name", "node1");
        JsonNode json = ant.ok("node", "start", "--service-name", "node1", "--json").json();
        assertThat(json.get("node_id").asInt()).isEqualTo(1);
        assertThat(json.get("service_name").asText()).isEqualTo("node1");
        assertThat(agent.sh("kill", "-0", json.get("pid").asText()).exit()).isZero();
    }

    @Test
    void unknownServiceNameIsResolvedAgainstTheRegistry() {
        ant.add();
        ant.startDaemon();
        AntAgent.Exec r = ant.ant("node", "start", "--service-name", "node9");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: No node found with service name 'node9'\n");
    }

    @Test
    void startingARunningNodeExitsOneWithTheConflictBody() {
        ant.add();
        ant.startDaemon();
        int pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asInt();
        AntAgent.Exec again = ant.ant("node", "start", "--service-name", "node1");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).matches("Error: HTTP request error: \\{\"current_state\":\\{\"node_id\":1,\"pid\":" + pid
                + ",\"status\":\"running\",\"uptime_secs\":\\d+},\"error\":\"Node 1 is already running\"}\n");
    }

    @Test
    void stoppingAStoppedNodeExitsOneWithItsRealStatus() {
        ant.add();
        ant.startDaemon();
        AntAgent.Exec r = ant.ant("node", "stop", "--service-name", "node1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: HTTP request error: {\"current_state\":{\"node_id\":1,\"status\":\"stopped\"},"
                + "\"error\":\"Node 1 is not running\"}\n");
    }

    @Test
    void startAllAlwaysExitsZeroAndSortsStartedAlreadyRunningAndFailed() {
        ant.add("--count", "2");
        ant.add("--bootstrap", "/ip4/1.2.3.4/udp/10000/quic-v1");
        ant.startDaemon();
        ant.ok("node", "start", "--service-name", "node1");
        AntAgent.Exec r = ant.ok("node", "start");
        assertThat(r.out()).matches("✓ Started 1 node\\(s\\):\n  ● node2 \\(2\\) — PID \\d+\n● Already running: 1 node\\(s\\)\n  ─ Node 1\n"
                + "✗ Failed to start 1 node\\(s\\):\n  ● node3 \\(3\\) — Process spawn failed: Node 3 exited immediately: (?s).*");
        ant.ok("node", "stop");
        JsonNode json = ant.ok("node", "start", "--json").json();
        assertThat(json.get("started")).hasSize(2);
        assertThat(json.get("failed").get(0).get("error").asText()).startsWith("Process spawn failed: Node 3 exited immediately: ");
        assertThat(json.get("already_running")).isEmpty();
    }

    @Test
    void emptyRegistryStartAndStopSayNoNodesRegistered() {
        ant.startDaemon();
        assertThat(ant.ok("node", "start").out()).isEqualTo("● No nodes registered. Add nodes first with: ant node add\n");
        assertThat(ant.ok("node", "stop").out()).isEqualTo("● No nodes registered. Add nodes first with: ant node add\n");
    }

    @Test
    void aNodeThatExitsWithinOneSecondIsErroredWithItsStderr() {
        ant.add("--bootstrap", "/ip4/1.2.3.4/udp/10000/quic-v1");
        ant.startDaemon();
        AntAgent.Exec r = ant.ant("node", "start", "--service-name", "node1");
        assertThat(r.exit()).isEqualTo(1);
        String stderrLog = ant.file("nodes/node-1/stderr.log").trim();
        assertThat(stderrLog).isNotEmpty();
        assertThat(r.err()).isEqualTo("Error: HTTP request error: {\"error\":\"Process spawn failed: Node 1 exited immediately: "
                + stderrLog.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}\n");
        assertThat(ant.node(1).get("status").asText()).isEqualTo("errored");
        assertThat(ant.ok("node", "daemon", "status", "--json").json().get("nodes_errored").asInt()).isEqualTo(1);
    }

    @Test
    void nodesRunWithTheExactArgvAndTheirEnvironment() {
        ant.add("--node-port", "23101", "--metrics-port", "23102", "--log-dir-path", ant.home + "/logs",
                "--bootstrap", "127.0.0.1:23199", "--env", "ANT_LOG_FORMAT=json", "--network-id", "5");
        ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        String argv = agent.sh("sh", "-c", "tr '\\0' '\\n' < /proc/" + pid + "/cmdline").out();
        assertThat(argv.split("\n")).containsExactly(ant.dir + "/nodes/node-1/ant-node", "--rewards-address", AntAgent.ADDRESS,
                "--root-dir", ant.dir + "/nodes/node-1", "--enable-logging", "--log-dir", ant.home + "/logs/node-1/logs",
                "--port", "23101", "--metrics-port", "23102", "--bootstrap", "127.0.0.1:23199", "--stop-on-upgrade");
        assertThat(agent.sh("sh", "-c", "tr '\\0' '\\n' < /proc/" + pid + "/environ").out()).contains("ANT_LOG_FORMAT=json\n");
        assertThat(ant.file("nodes/node-1/node.pid")).isEqualTo(pid);
        assertThat(ant.exists(ant.home + "/logs/node-1/logs/stderr.log")).isTrue();
    }

    @Test
    void statusJsonOmitsPidAndUptimeWhenAbsentAndCountsRunningAndStopped() {
        ant.add("--count", "2");
        ant.startDaemon();
        ant.ok("node", "start", "--service-name", "node2");
        JsonNode st = ant.status();
        assertThat(st.get("total_running").asInt()).isEqualTo(1);
        assertThat(st.get("total_stopped").asInt()).isEqualTo(1);
        JsonNode first = st.get("nodes").get(0);
        assertThat(first.get("status").asText()).isEqualTo("stopped");
        assertThat(first.has("pid")).isFalse();
        assertThat(first.has("uptime_secs")).isFalse();
        JsonNode second = st.get("nodes").get(1);
        assertThat(second.get("status").asText()).isEqualTo("running");
        assertThat(second.get("pid").isInt()).isTrue();
        assertThat(second.has("pending_version")).isFalse();
    }

    @Test
    void statusHumanTable() {
        ant.add();
        ant.startDaemon();
        ant.ok("node", "start");
        String v = agent.nodeVersions().get(0);
        assertThat(ant.ok("node", "status").out()).isEqualTo("  ID   Name           Version            Status\n  " + "─".repeat(52) + "\n"
                + String.format("  %-4s %-14s %-18s %s%n", "1", "node1", v, "● Running"));
    }

    @Test
    void offlineStatusShowsEveryNodeStoppedEvenIfItsProcessLives() {
        ant.add();
        ant.startDaemon();
        ant.ok("node", "start");
        ant.ok("node", "daemon", "stop");
        JsonNode st = ant.status();
        assertThat(st.get("nodes").get(0).get("status").asText()).isEqualTo("stopped");
        assertThat(st.get("total_running").asInt()).isZero();
        assertThat(ant.ok("node", "status").out()).endsWith("\n  ! Daemon is not running — all nodes shown as stopped.\n"
                + "  Start it with: ant node daemon start\n");
    }

    @Test
    void emptyStatusIsAnEmptyListNotNothing() {
        assertThat(ant.ok("node", "status", "--json").out())
                .isEqualTo("{\n  \"nodes\": [],\n  \"total_running\": 0,\n  \"total_stopped\": 0\n}\n");
    }

    @Test
    void stopAllReportsStoppedAndAlreadyStopped() {
        ant.add("--count", "2");
        ant.startDaemon();
        ant.ok("node", "start", "--service-name", "node1");
        AntAgent.Exec r = ant.ok("node", "stop");
        assertThat(r.out()).isEqualTo("✓ Stopped 1 node(s):\n  ● node1 (1)\n● Already stopped: 1 node(s)\n  ─ Node 2\n");
        JsonNode json = ant.ok("node", "stop", "--json").json();
        assertThat(json.get("stopped")).isEmpty();
        assertThat(json.get("failed")).isEmpty();
        assertThat(json.get("already_stopped")).hasSize(2);
    }

    @Test
    void stopSendsSigtermAndTheNodeExitsAndLosesItsPidFile() {
        ant.add();
        ant.startDaemon();
        String pid = ant.ok("node", "start", "--json").json().get("started").get(0).get("pid").asText();
        assertThat(ant.ok("node", "stop", "--service-name", "node1").out()).isEqualTo("✓ Node node1 (1) stopped\n");
        assertThat(agent.sh("kill", "-0", pid).exit()).isNotZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !ant.exists(ant.dir + "/nodes/node-1/node.pid"));
    }

    @Test
    void aStopWaitsTenSecondsAfterSigtermThenKillsWhileHoldingTheDaemonLock() {
        // A node that ignores SIGTERM (a shell stand-in: the C ant-node exits on it).
        String stubborn = ant.home + "/stubborn/ant-node";
        agent.sh("sh", "-c", "mkdir -p " + ant.home + "/stubborn && printf '#!/bin/sh\\n[ \"$1\" = --version ] && { echo ant-node 0.14.2; exit 0; }\\n"
                + "trap \"\" TERM\\nwhile :; do sleep 1; done\\n' > " + stubborn + " && chmod 755 " + stubborn);
        ant.ok("node", "add", "--rewards-address", AntAgent.ADDRESS, "--path", stubborn);
        ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        try (AntAgent.Events events = agent.events(ant.port())) {
            long start = System.nanoTime();
            java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>> stop =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> ant.post("/api/v1/nodes/1/stop"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> events.data().contains("{\"type\":\"node_stopping\",\"node_id\":1}"));
            // §3.2: the stop holds the supervisor's write lock, so GET /status waits for it.
            java.net.http.HttpResponse<String> status = ant.get("/api/v1/status");
            long statusAnsweredMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(stop.join().statusCode()).isEqualTo(200);
            // §2.4 / §3.6: SIGTERM, 10 s of polling, then SIGKILL.
            assertThat(statusAnsweredMs).isGreaterThanOrEqualTo(10_000);
        }
        assertThat(agent.sh("kill", "-0", pid).exit()).isNotZero();
        assertThat(ant.node(1).get("status").asText()).isEqualTo("stopped");
    }

    @Test
    void resetIsRefusedWhileNodesRun() {
        ant.add();
        ant.startDaemon();
        ant.ok("node", "start");
        AntAgent.Exec r = ant.ant("node", "reset", "--force");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Cannot reset while nodes are running (1 node(s) still running). Stop all nodes first.\n");
    }

    @Test
    void resetPromptIsCancelledByEofWithExitZero() {
        ant.add();
        AntAgent.Exec r = ant.ok("node", "reset");
        assertThat(r.out()).isEqualTo("⚠ This will remove all node data, logs, and clear the registry.\n  Are you sure? [y/N] ─ Reset cancelled.\n");
        assertThat(ant.status().get("nodes")).hasSize(1);
    }

    @Test
    void resetWithJsonSkipsThePromptRemovesDirsAndEmptiesTheRegistry() {
        ant.add("--count", "2", "--log-dir-path", ant.home + "/logs");
        JsonNode r = ant.ok("node", "reset", "--json").json();
        assertThat(r.get("nodes_cleared").asInt()).isEqualTo(2);
        assertThat(r.get("data_dirs_removed").get(0).asText()).isEqualTo(ant.dir + "/nodes/node-1");
        assertThat(r.get("log_dirs_removed").get(1).asText()).isEqualTo(ant.home + "/logs/node-2/logs");
        assertThat(ant.exists(ant.dir + "/nodes/node-1")).isFalse();
        assertThat(ant.exists(ant.dir + "/nodes")).isTrue();
        assertThat(ant.file("node_registry.json")).isEqualTo("{\n  \"schema_version\": 1,\n  \"nodes\": {},\n  \"next_id\": 1\n}");
        assertThat(ant.ok("node", "reset", "--force").out()).isEqualTo("● No nodes to reset — registry is already empty.\n");
    }

    @Test
    void resetHumanOutputThroughTheDaemon() {
        ant.add();
        ant.startDaemon();
        assertThat(ant.ok("node", "reset", "--force").out())
                .isEqualTo("✓ Reset complete — 1 node(s) cleared\n  ─ Removed data: " + ant.dir + "/nodes/node-1\n");
    }

    @Test
    void resetWithTheDaemonDownDoesNotCheckForLiveNodes() {
        ant.add();
        ant.startDaemon();
        String pid = ant.ok("node", "start", "--json").json().get("started").get(0).get("pid").asText();
        ant.ok("node", "daemon", "stop");
        assertThat(ant.ok("node", "reset", "--force").out()).startsWith("✓ Reset complete — 1 node(s) cleared");
        assertThat(agent.sh("kill", "-0", pid).exit()).isZero();
        agent.sh("kill", "-9", pid);
    }
}
