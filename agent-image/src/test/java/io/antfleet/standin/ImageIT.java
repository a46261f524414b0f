package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The image itself: init as PID 1, users, installed versions. Ports 24000-24999. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ImageIT {
    private static StandinContainer agent;

    @BeforeAll
    static void startContainer() {
        agent = new StandinContainer("image");
    }

    @AfterAll
    static void stopContainer() {
        agent.close();
    }

    @Test
    void containerWithTheDefaultCommandStaysUpWithInitAsPidOne() {
        assertThat(agent.root("cat", "/proc/1/cmdline").out()).startsWith("/sbin/antfleet-init");
    }

    @Test
    void imageHasRootAndANonRootUserAnt() {
        assertThat(agent.ant("id", "-u").out().trim()).isEqualTo("1000");
        assertThat(agent.ant("sh", "-c", "echo $HOME").out().trim()).isEqualTo("/home/ant");
    }

    @Test
    void antnodeVersionsAreInstalledForDownloadAndUpgrade() {
        assertThat(agent.root("/opt/antnode/0.4.16/antnode", "--version").out()).startsWith("Autonomi Node v0.4.16\n");
        assertThat(agent.root("/opt/antnode/0.4.17/antnode", "--version").out()).startsWith("Autonomi Node v0.4.17\n");
    }

    @Test
    void execOfStartReturnsWhileNodesKeepRunningAndAreReapedWhenKilled() {
        agent.add("root", "--node-port", "24001", "--metrics-port", "24002", "--rpc-port", "24003");
        assertThat(agent.antctl("root", "start").exit()).isZero();
        String pid = String.valueOf(agent.node("root", "antnode1").get("pid"));

        agent.root("kill", pid);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> agent.root("test", "-e", "/proc/" + pid).exit() != 0);
        agent.antctl("root", "reset", "--force");
    }
}
