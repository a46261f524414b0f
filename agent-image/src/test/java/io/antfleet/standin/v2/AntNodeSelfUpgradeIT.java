package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.4 and §4.3, through the stand-in's upgrade hook (§7 "Minimum faithful stand-ins"): the
 * node copies its binary to {@code ant-node.backup}, replaces {@code <data_dir>/ant-node} in place so that its
 * {@code --version} reports the newer version, and exits 0; with --stop-on-upgrade (as the ant daemon runs it)
 * it only exits, without it it first spawns the new binary with the same args (a new pid). Downgrades are
 * ignored (AN: src/upgrade/apply.rs:165); a release that cannot be fetched is logged and the node runs on
 * (apply.rs:201-212, RolledBack). Ports: offsets 300-399 of V2ContractTestBase#port.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeSelfUpgradeIT extends V2ContractTestBase {

    /** A node dir as `ant node add` makes it: the node's own copy of the binary (§2.2). */
    private static String nodeDir(V2Container c, String dir) {
        c.run("mkdir", "-p", dir);
        c.run("cp", binary(CURRENT), dir + "/ant-node");
        return dir + "/ant-node";
    }

    private static String version(V2Container c, String bin) {
        return c.run(bin, "--version").out();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void withStopOnUpgradeTheBinaryIsReplacedAndTheNodeExitsZero(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("stop-on-upgrade");
        String bin = nodeDir(c, dir);
        V2Container.Spawned node = c.spawn(Map.of(), bin, "--rewards-address", ADDRESS, "--root-dir", dir,
                "--enable-logging", "--stop-on-upgrade");
        awaitStdout(node, "Node running");

        c.writeFile(dir + "/standin-upgrade", NEWER + "\n");
        V2Container.Exec r = node.awaitExit(Duration.ofSeconds(15));

        assertThat(r.exit()).isZero();
        assertThat(version(c, bin)).isEqualTo("ant-node " + NEWER + "\n");
        assertThat(version(c, bin + ".backup")).isEqualTo("ant-node " + CURRENT + "\n");
        assertThat(r.out()).contains("Upgrade to " + NEWER + " successful, initiating graceful shutdown")
                .contains("Exiting with code 0 for upgrade restart");
        assertThat(c.run("ls", dir).out()).doesNotContain("ant-upgrade-");
        assertThat(c.pidsOf(dir)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void standaloneTheNewBinaryIsSpawnedWithTheSameArgsBeforeTheOldExits(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("standalone");
        String bin = nodeDir(c, dir);
        String port = String.valueOf(port(image, 300));
        V2Container.Spawned node = c.spawn(Map.of(), bin, "--rewards-address", ADDRESS, "--root-dir", dir,
                "--port", port);
        awaitBound(c, node, port(image, 300));
        long oldPid = c.pidOf(dir);

        c.writeFile(dir + "/standin-upgrade", NEWER + "\n");
        assertThat(node.awaitExit(Duration.ofSeconds(15)).exit()).isZero();
        await().atMost(Duration.ofSeconds(15)).alias("the respawned node binds " + port)
                .until(() -> c.udpPorts("udp6").contains(port(image, 300)));

        List<Long> pids = c.pidsOf(dir);
        assertThat(pids).hasSize(1).doesNotContain(oldPid);
        assertThat(c.run("cat", "/proc/" + pids.get(0) + "/cmdline").out().replace('\0', ' ').trim())
                .isEqualTo(bin + " --rewards-address " + ADDRESS + " --root-dir " + dir + " --port " + port);
        assertThat(version(c, bin)).isEqualTo("ant-node " + NEWER + "\n");
        c.run("kill", "-TERM", String.valueOf(pids.get(0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> c.pidsOf(dir).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aDowngradeIsIgnored(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("downgrade");
        String bin = nodeDir(c, dir);
        V2Container.Spawned node = c.spawn(Map.of(), bin, "--rewards-address", ADDRESS, "--root-dir", dir,
                "--enable-logging", "--stop-on-upgrade");
        awaitStdout(node, "Node running");

        c.writeFile(dir + "/standin-upgrade", "0.14.1\n");
        awaitStdout(node, "Ignoring downgrade attempt: " + CURRENT + " -> 0.14.1");

        assertThat(node.running()).isTrue();
        assertThat(version(c, bin)).isEqualTo("ant-node " + CURRENT + "\n");
        assertThat(c.exists(bin + ".backup")).isFalse();
        assertThat(terminate(c, dir, node).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aReleaseThatCannotBeFetchedLeavesTheNodeRunningAndTheReleaseDirIsSettable(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("releases");
        String releases = dir + "-releases";
        String bin = nodeDir(c, dir);
        c.run("mkdir", "-p", releases + "/0.15.0");
        c.run("cp", binary(NEWER), releases + "/0.15.0/ant-node");
        V2Container.Spawned node = c.spawn(Map.of("ANT_STANDIN_RELEASES", releases), bin, "--rewards-address", ADDRESS,
                "--root-dir", dir, "--enable-logging", "--stop-on-upgrade");
        awaitStdout(node, "Node running");

        c.writeFile(dir + "/standin-upgrade", "0.99.0\n");
        awaitStdout(node, "Download/verify/extract failed");
        assertThat(node.running()).isTrue();
        assertThat(version(c, bin)).isEqualTo("ant-node " + CURRENT + "\n");

        c.writeFile(dir + "/standin-upgrade", "0.15.0\n");
        assertThat(node.awaitExit(Duration.ofSeconds(15)).exit()).isZero();
        assertThat(version(c, bin)).isEqualTo("ant-node " + NEWER + "\n");
    }
}
