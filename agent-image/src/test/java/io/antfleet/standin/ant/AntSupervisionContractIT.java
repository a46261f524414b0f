package io.antfleet.standin.ant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * docs/contracts/ant-v2-contract.md §3.6–3.8: crash restarts with backoff, errored after 5 crashes, adoption after a daemon
 * restart, upgrade respawn, and the SSE stream that reports them (§3.7).
 */
class AntSupervisionContractIT extends AntContractTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private String pidOf(int id) {
        JsonNode n = ant.node(id);
        return n.has("pid") ? n.get("pid").asText() : null;
    }

    /** Replaces a node's binary in place by rename, as ant-node's self-upgrade does (§5.4). */
    private void replaceBinary(int id, String version) {
        String target = ant.dir + "/nodes/node-" + id + "/ant-node";
        assertThat(agent.sh("sh", "-c", "cp " + agent.nodeBinary(version) + " " + target + ".new && mv " + target + ".new " + target).exit()).isZero();
    }

    private String newerVersion() {
        List<String> versions = agent.nodeVersions();
        assertThat(versions).as("the image ships at least two ant-node versions").hasSizeGreaterThan(1);
        return versions.get(versions.size() - 1);
    }

    @Test
    void eventsAreTaggedJsonInServerSentEventFrames() {
        ant.add();
        ant.startDaemon();
        try (AntAgent.Events events = agent.events(ant.port())) {
            String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
            Awaitility.await().atMost(WAIT).until(() -> events.lines.contains("data: {\"type\":\"node_started\",\"node_id\":1,\"pid\":" + pid + "}"));
            assertThat(events.lines).containsSubsequence("event: node_starting", "data: {\"type\":\"node_starting\",\"node_id\":1}", "",
                    "event: node_started");
            ant.ok("node", "stop", "--service-name", "node1");
            Awaitility.await().atMost(WAIT).until(() -> events.data().contains("{\"type\":\"node_stopped\",\"node_id\":1}"));
            assertThat(events.data()).containsSubsequence("{\"type\":\"node_stopping\",\"node_id\":1}", "{\"type\":\"node_stopped\",\"node_id\":1}");
        }
    }

    @Test
    void aCrashedNodeIsRestartedAfterABackoffWithEvents() {
        ant.add();
        ant.startDaemon();
        String first = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        try (AntAgent.Events events = agent.events(ant.port())) {
            agent.sh("kill", "-9", first);
            Awaitility.await().atMost(WAIT).until(() -> events.data().stream().anyMatch(d -> d.startsWith("{\"type\":\"node_started\"")));
            assertThat(events.data()).containsSubsequence("{\"type\":\"node_crashed\",\"node_id\":1,\"exit_code\":null}",
                    "{\"type\":\"node_restarting\",\"node_id\":1,\"attempt\":1}");
        }
        Awaitility.await().atMost(WAIT).until(() -> "running".equals(ant.node(1).get("status").asText()));
        assertThat(pidOf(1)).isNotEqualTo(first);
    }

    @Test
    void aCleanExitWithAnUnchangedBinaryIsACrash() {
        ant.add();
        ant.startDaemon();
        String first = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        try (AntAgent.Events events = agent.events(ant.port())) {
            agent.sh("kill", "-TERM", first);
            Awaitility.await().atMost(WAIT).until(() -> events.data().contains("{\"type\":\"node_crashed\",\"node_id\":1,\"exit_code\":0}"));
        }
    }

    @Test
    void theFifthCrashWithinFiveMinutesMarksTheNodeErrored() {
        ant.add();
        ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        try (AntAgent.Events events = agent.events(ant.port())) {
            for (int crash = 1; crash <= 5; crash++) {
                agent.sh("kill", "-9", pid);
                if (crash == 5) {
                    break;
                }
                String old = pid;
                // Backoff 1, 2, 4, 8 s before each restart (§3.6).
                Awaitility.await().atMost(WAIT).until(() -> {
                    String p = pidOf(1);
                    return p != null && !p.equals(old) && "running".equals(ant.node(1).get("status").asText());
                });
                pid = pidOf(1);
            }
            Awaitility.await().atMost(WAIT).until(() -> "errored".equals(ant.node(1).get("status").asText()));
            assertThat(events.data()).contains("{\"type\":\"node_errored\",\"node_id\":1,\"message\":\"Node crashed 5 times within 300 seconds, giving up\"}");
            assertThat(events.data()).containsSubsequence("{\"type\":\"node_restarting\",\"node_id\":1,\"attempt\":1}",
                    "{\"type\":\"node_restarting\",\"node_id\":1,\"attempt\":4}");
            assertThat(events.data()).doesNotContain("{\"type\":\"node_restarting\",\"node_id\":1,\"attempt\":5}");
        }
        assertThat(ant.node(1).has("pid")).isFalse();
        assertThat(ant.ok("node", "daemon", "status", "--json").json().get("nodes_errored").asInt()).isEqualTo(1);
    }

    @Test
    void aFailedRespawnMarksTheNodeErrored() {
        ant.add();
        ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        try (AntAgent.Events events = agent.events(ant.port())) {
            // The binary goes away within the 1 s backoff, so the respawn fails (§3.6 "respawn failure").
            agent.sh("sh", "-c", "kill -9 " + pid + "; rm -f " + ant.dir + "/nodes/node-1/ant-node");
            Awaitility.await().atMost(WAIT).until(() -> events.data().stream()
                    .anyMatch(d -> d.startsWith("{\"type\":\"node_errored\",\"node_id\":1,\"message\":\"Failed to restart node: ")));
        }
        assertThat(ant.node(1).get("status").asText()).isEqualTo("errored");
    }

    @Test
    void aRestartedDaemonAdoptsRunningNodesWithBackdatedUptime() {
        ant.add();
        JsonNode daemon = ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        Awaitility.await().atMost(WAIT).until(() -> ant.node(1).get("uptime_secs").asLong() >= 2);
        agent.sh("kill", "-INT", daemon.get("pid").asText());
        Awaitility.await().atMost(WAIT).until(() -> !ant.exists(ant.dir + "/daemon.pid"));
        ant.startDaemon();
        assertThat(ant.ok("node", "daemon", "status", "--json").json().get("uptime_secs").asLong()).isLessThan(2);
        JsonNode n = ant.node(1);
        assertThat(n.get("status").asText()).isEqualTo("running");
        assertThat(n.get("pid").asText()).isEqualTo(pid);
        assertThat(n.get("uptime_secs").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void adoptionFallsBackToAProcessScanWhenThePidFileIsGone() {
        ant.add();
        JsonNode daemon = ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        agent.sh("kill", "-INT", daemon.get("pid").asText());
        Awaitility.await().atMost(WAIT).until(() -> !ant.exists(ant.dir + "/daemon.pid"));
        agent.sh("rm", "-f", ant.dir + "/nodes/node-1/node.pid");
        ant.startDaemon();
        assertThat(pidOf(1)).isEqualTo(pid);
        assertThat(ant.file("nodes/node-1/node.pid")).isEqualTo(pid);
    }

    @Test
    void anAdoptedNodeThatDiesIsMarkedStoppedAndNotRestarted() {
        ant.add();
        JsonNode daemon = ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        agent.sh("kill", "-INT", daemon.get("pid").asText());
        Awaitility.await().atMost(WAIT).until(() -> !ant.exists(ant.dir + "/daemon.pid"));
        ant.startDaemon();
        agent.sh("kill", "-9", pid);
        // The 5 s liveness poll notices (§3.6 "adopted nodes").
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "stopped".equals(ant.node(1).get("status").asText()));
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> "stopped".equals(ant.node(1).get("status").asText()));
        assertThat(ant.exists(ant.dir + "/nodes/node-1/node.pid")).isFalse();
    }

    @Test
    void anExitZeroAfterTheBinaryWasReplacedIsAnUpgradeRespawn() {
        String newer = newerVersion();
        String older = agent.nodeVersions().get(0);
        ant.add();
        ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        try (AntAgent.Events events = agent.events(ant.port())) {
            replaceBinary(1, newer);
            agent.sh("kill", "-TERM", pid);
            Awaitility.await().atMost(WAIT).until(() -> events.data().contains(
                    "{\"type\":\"node_upgraded\",\"node_id\":1,\"old_version\":\"" + older + "\",\"new_version\":\"" + newer + "\"}"));
            assertThat(events.data()).noneMatch(d -> d.contains("node_crashed"));
        }
        JsonNode n = ant.node(1);
        assertThat(n.get("status").asText()).isEqualTo("running");
        assertThat(n.get("version").asText()).isEqualTo(newer);
        assertThat(n.get("pid").asText()).isNotEqualTo(pid);
        assertThat(ant.file("node_registry.json")).contains("\"version\": \"" + newer + "\"");
    }

    @Test
    void theUpgradePollMarksARunningNodeUpgradeScheduledWhichCannotBeStopped() {
        String newer = newerVersion();
        String older = agent.nodeVersions().get(0);
        ant.add();
        // ANT_STANDIN_UPGRADE_POLL_SECS shortens the 60 s poll (a stand-in hook, README.md).
        ant.env(List.of("ANT_STANDIN_UPGRADE_POLL_SECS=1"), "node", "daemon", "start", "--json");
        ant.ok("node", "start", "--service-name", "node1");
        replaceBinary(1, newer);
        Awaitility.await().atMost(WAIT).until(() -> "upgrade_scheduled".equals(ant.node(1).get("status").asText()));
        JsonNode n = ant.node(1);
        assertThat(n.get("pending_version").asText()).isEqualTo(newer);
        assertThat(ant.status().get("total_running").asInt()).isEqualTo(1);
        assertThat(ant.ok("node", "status").out()).contains(older + " → " + newer).contains("● Upgrade scheduled");
        AntAgent.Exec stop = ant.ant("node", "stop", "--service-name", "node1");
        assertThat(stop.exit()).isEqualTo(1);
        assertThat(stop.err()).isEqualTo("Error: HTTP request error: {\"current_state\":{\"node_id\":1,\"status\":\"upgrade_scheduled\"},"
                + "\"error\":\"Node 1 is not running\"}\n");
        agent.sh("kill", "-TERM", n.get("pid").asText());
        Awaitility.await().atMost(WAIT).until(() -> "running".equals(ant.node(1).get("status").asText())
                && newer.equals(ant.node(1).get("version").asText()));
    }

    @Test
    void anAdoptedNodeThatUpgradesIsNotRespawned() {
        ant.add();
        JsonNode daemon = ant.startDaemon();
        String pid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asText();
        agent.sh("kill", "-INT", daemon.get("pid").asText());
        Awaitility.await().atMost(WAIT).until(() -> !ant.exists(ant.dir + "/daemon.pid"));
        ant.startDaemon();
        replaceBinary(1, newerVersion());
        agent.sh("kill", "-TERM", pid);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "stopped".equals(ant.node(1).get("status").asText()));
        assertThat(ant.node(1).has("pid")).isFalse();
    }

    @Test
    void theDaemonHealsStaleRegistryVersionsAtStartUp() {
        String newer = newerVersion();
        ant.add();
        replaceBinary(1, newer);
        ant.startDaemon();
        assertThat(ant.node(1).get("version").asText()).isEqualTo(newer);
        assertThat(ant.file("node_registry.json")).contains("\"version\": \"" + newer + "\"");
    }
}
