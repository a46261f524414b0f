package io.antfleet.standin.ant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** docs/contracts/ant-v2-contract.md §2.1 and §3.1: `ant node daemon start|stop|status|info|run`, files, address, signals. */
class AntDaemonContractIT extends AntContractTestBase {

    @Test
    void startPrintsCompactJsonAndWritesPortAndPidFilesWithoutNewline() {
        AntAgent.Exec r = ant.ok("node", "daemon", "start", "--json");
        assertThat(r.out()).matches("\\{\"already_running\":false,\"pid\":\\d+,\"port\":\\d+}\n");
        JsonNode start = r.json();
        assertThat(ant.file("daemon.port")).isEqualTo(start.get("port").asText());
        assertThat(ant.file("daemon.pid")).isEqualTo(start.get("pid").asText());
    }

    @Test
    void startHumanOutputNamesPidPortAndConsole() {
        AntAgent.Exec r = ant.ok("node", "daemon", "start");
        int port = ant.port();
        assertThat(r.out()).matches("✓ Node management daemon started — PID \\d+ on port " + port + "\n"
                + "  Console http://127.0.0.1:" + port + "/console\n");
    }

    @Test
    void daemonRunsAsAntNodeDaemonRunAndListensOnLoopbackOnly() {
        JsonNode start = ant.startDaemon();
        String cmdline = agent.sh("sh", "-c", "tr '\\0' ' ' < /proc/" + start.get("pid").asText() + "/cmdline").out();
        assertThat(cmdline).endsWith("ant node daemon run ");
        String hexPort = String.format("%04X", start.get("port").asInt());
        String tcp = agent.sh("cat", "/proc/net/tcp").out();
        assertThat(tcp).contains("0100007F:" + hexPort).doesNotContain("00000000:" + hexPort);
    }

    @Test
    void secondStartReportsAlreadyRunning() {
        JsonNode first = ant.startDaemon();
        AntAgent.Exec again = ant.ok("node", "daemon", "start");
        assertThat(again.out()).isEqualTo("● Node management daemon already running (PID " + first.get("pid").asText() + ")\n"
                + "  Console http://127.0.0.1:" + first.get("port").asText() + "/console\n");
        JsonNode json = ant.startDaemon();
        assertThat(json.get("already_running").asBoolean()).isTrue();
        assertThat(json.get("pid").asInt()).isEqualTo(first.get("pid").asInt());
    }

    @Test
    void statusAndInfoWhenDownSayNotRunningWithExitZero() {
        AntAgent.Exec human = ant.ok("node", "daemon", "status");
        assertThat(human.out()).isEqualTo("● Node management daemon is not running\n  Start it with: ant node daemon start\n");
        assertThat(ant.ok("node", "daemon", "status", "--json").out()).isEqualTo("{\n  \"running\": false,\n  \"pid\": null,\n"
                + "  \"port\": null,\n  \"uptime_secs\": null,\n  \"nodes_total\": 0,\n  \"nodes_running\": 0,\n"
                + "  \"nodes_stopped\": 0,\n  \"nodes_errored\": 0\n}\n");
        assertThat(ant.ok("node", "daemon", "info", "--json").out())
                .isEqualTo("{\n  \"running\": false,\n  \"pid\": null,\n  \"port\": null,\n  \"api_base\": null\n}\n");
    }

    @Test
    void statusWhenUpIsPrettyDaemonStatusAndHumanBlock() {
        ant.add("--count", "2");
        JsonNode start = ant.startDaemon();
        JsonNode st = ant.ok("node", "daemon", "status", "--json").json();
        assertThat(st.get("running").asBoolean()).isTrue();
        assertThat(st.get("pid").asInt()).isEqualTo(start.get("pid").asInt());
        assertThat(st.get("port").asInt()).isEqualTo(start.get("port").asInt());
        assertThat(st.get("nodes_total").asInt()).isEqualTo(2);
        // Never-started nodes have no runtime state and are counted nowhere (§3.4).
        assertThat(st.get("nodes_stopped").asInt()).isZero();
        assertThat(ant.ok("node", "daemon", "status").out()).matches("● Node management daemon is running\n\n"
                + "  PID      \\d+\n  Port     \\d+\n  Console  http://127.0.0.1:\\d+/console\n  Uptime   \\d+s\n\n"
                + "  Nodes 2 total, 0 running, 0 stopped, 0 errored\n");
    }

    @Test
    void infoWhenUpGivesApiBaseAndHumanTextWithoutJson() {
        JsonNode start = ant.startDaemon();
        JsonNode info = ant.ok("node", "daemon", "info", "--json").json();
        assertThat(info.get("api_base").asText()).isEqualTo("http://127.0.0.1:" + start.get("port").asText() + "/api/v1");
        assertThat(ant.ok("node", "daemon", "info").out()).endsWith("  API http://127.0.0.1:" + start.get("port").asText() + "/api/v1\n");
    }

    @Test
    void stopSendsSigtermRemovesFilesAndPrintsTheOldPid() {
        JsonNode start = ant.startDaemon();
        AntAgent.Exec stop = ant.ok("node", "daemon", "stop", "--json");
        assertThat(stop.out()).isEqualTo("{\"pid\":" + start.get("pid").asText() + "}\n");
        assertThat(ant.exists(ant.dir + "/daemon.pid")).isFalse();
        assertThat(ant.exists(ant.dir + "/daemon.port")).isFalse();
    }

    @Test
    void stopWithoutPidFileFailsDaemonNotRunning() {
        AntAgent.Exec r = ant.ant("node", "daemon", "stop");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Daemon not running\n");
    }

    @Test
    void stopWithStalePidFileRemovesFilesAndSucceedsWithTheOldPid() {
        agent.sh("sh", "-c", "mkdir -p " + ant.dir + " && printf 999999 > " + ant.dir + "/daemon.pid && printf 1 > " + ant.dir + "/daemon.port");
        AntAgent.Exec r = ant.ok("node", "daemon", "stop");
        assertThat(r.out()).isEqualTo("✓ Node management daemon stopped (was PID 999999)\n");
        assertThat(ant.exists(ant.dir + "/daemon.port")).isFalse();
    }

    @Test
    void stopRefusesALivePidThatIsNotTheDaemonAndRemovesThePidFile() {
        agent.sh("sh", "-c", "mkdir -p " + ant.dir + " && printf 1 > " + ant.dir + "/daemon.pid");
        AntAgent.Exec r = ant.ant("node", "daemon", "stop");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: Failed to stop daemon: PID 1 is alive but does not appear to be the ant daemon "
                + "(possible PID reuse). Stale PID file removed.\n");
        assertThat(ant.exists(ant.dir + "/daemon.pid")).isFalse();
    }

    @Test
    void stalePidFileOfALiveProcessGivesAFalseAlreadyRunning() {
        // §7 #14: `daemon start` trusts any live pid in daemon.pid (here PID 1, the init).
        agent.sh("sh", "-c", "mkdir -p " + ant.dir + " && printf 1 > " + ant.dir + "/daemon.pid");
        JsonNode r = ant.startDaemon();
        assertThat(r.get("already_running").asBoolean()).isTrue();
        assertThat(r.get("pid").asInt()).isEqualTo(1);
        assertThat(ant.ok("node", "daemon", "status", "--json").json().get("running").asBoolean()).isFalse();
        agent.sh("rm", "-f", ant.dir + "/daemon.pid");
    }

    @Test
    void corruptRegistryKillsTheDaemonSilentlyWhileStartStillExitsZero() {
        agent.sh("sh", "-c", "mkdir -p " + ant.dir + " && echo '{\"schema_version\": 1,' > " + ant.dir + "/node_registry.json");
        AntAgent.Exec start = ant.ant("node", "daemon", "start", "--json");
        assertThat(start.exit()).isZero();
        assertThat(start.json().get("already_running").asBoolean()).isFalse();
        assertThat(start.json().get("port").isNull()).isTrue();
        assertThat(ant.ok("node", "daemon", "status", "--json").json().get("running").asBoolean()).isFalse();
        assertThat(ant.exists(ant.dir + "/daemon.pid")).isFalse();
        assertThat(ant.ok("node", "daemon", "start").out()).matches("✓ Node management daemon started — PID \\d+ \\(port pending\\)\n");
    }

    @Test
    void sigintShutsDownCleanlyAndRemovesTheFilesButNodesKeepRunning() {
        ant.add();
        JsonNode start = ant.startDaemon();
        int nodePid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asInt();
        agent.sh("kill", "-INT", start.get("pid").asText());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !ant.exists(ant.dir + "/daemon.port"));
        assertThat(ant.exists(ant.dir + "/daemon.pid")).isFalse();
        assertThat(agent.sh("kill", "-0", String.valueOf(nodePid)).exit()).isZero();
    }

    @Test
    void sigtermKillsTheDaemonLeavingItsFilesAndNodesRunning() {
        ant.add();
        JsonNode start = ant.startDaemon();
        int nodePid = ant.ok("node", "start", "--service-name", "node1", "--json").json().get("pid").asInt();
        String daemonPid = start.get("pid").asText();
        agent.sh("kill", "-TERM", daemonPid);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> agent.sh("kill", "-0", daemonPid).exit() != 0);
        assertThat(ant.exists(ant.dir + "/daemon.port")).isTrue();
        assertThat(ant.exists(ant.dir + "/daemon.pid")).isTrue();
        assertThat(agent.sh("kill", "-0", String.valueOf(nodePid)).exit()).isZero();
        // The client removes the stale files (§2.1 "stop").
        assertThat(ant.ok("node", "daemon", "stop").out()).isEqualTo("✓ Node management daemon stopped (was PID " + daemonPid + ")\n");
        assertThat(ant.exists(ant.dir + "/daemon.port")).isFalse();
    }

    @Test
    void daemonRunInTheForegroundPrintsNothing() {
        AntAgent.Exec r = agent.sh("sh", "-c", "XDG_DATA_HOME=" + ant.home + " ant node daemon run & p=$!; "
                + "i=0; while [ ! -f " + ant.dir + "/daemon.pid ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; kill -INT $p; wait $p");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(List.of(ant.exists(ant.dir + "/daemon.pid"), ant.exists(ant.dir + "/daemon.port"))).containsOnly(false);
    }
}
