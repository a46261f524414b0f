package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The v2 images themselves (issue 12 "Image"; ant-v2-contract.md §6, §3.1, §4.1, §5.5): an init as PID 1 that
 * reaps orphaned nodes, which the daemon's liveness check needs (a zombie counts as alive); the default user
 * {@code ant} with a HOME and {@code ant} on its PATH (§1: {@code ant --version} → {@code ant 0.2.0}); the ant-node versions the tests use; curl for the daemon's 127.0.0.1 API; and for the
 * production recipe a glibc of at least 2.35.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntImageIT extends V2ContractTestBase {

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void initIsPidOneAndTheDefaultUserIsAntWithAHome(V2Image image) {
        V2Container c = on(image);

        assertThat(c.run("cat", "/proc/1/cmdline").out()).startsWith("/sbin/antfleet-init");
        assertThat(c.run("id", "-u").out().trim()).isEqualTo("1000");
        assertThat(c.run("env").out().split("\n")).contains("HOME=/home/ant");
        assertThat(c.run("pwd").out().trim()).isEqualTo("/home/ant");
        assertThat(c.run("touch", "/home/ant/.writable").exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void antIsOnThePathOfTheDefaultUser(V2Image image) {
        V2Container.Exec r = on(image).run("ant", "--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("ant 0.2.0\n");
        assertThat(on(image).run("which", "ant").out().trim()).isEqualTo("/usr/local/bin/ant");
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void theTestedAntNodeVersionsAndCurlAreInstalled(V2Image image) {
        V2Container c = on(image);

        assertThat(c.run(binary(CURRENT), "--version").out()).isEqualTo("ant-node " + CURRENT + "\n");
        assertThat(c.run(binary(NEWER), "--version").out()).isEqualTo("ant-node " + NEWER + "\n");
        assertThat(c.run("curl", "--version").exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void anOrphanedNodeIsReapedWhenItDies(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("orphan");
        c.run("mkdir", "-p", dir);
        c.run("cp", binary(CURRENT), dir + "/ant-node");
        // A standalone self-upgrade leaves the new node orphaned: its parent (the old node) exits.
        V2Container.Spawned node = c.spawn(Map.of(), dir + "/ant-node", "--rewards-address", ADDRESS, "--root-dir", dir);
        await().atMost(Duration.ofSeconds(10)).until(() -> c.pidOf(dir) > 0 && c.exists(dir + "/paid_list.mdb"));
        c.writeFile(dir + "/standin-upgrade", NEWER + "\n");
        assertThat(node.awaitExit(Duration.ofSeconds(15)).exit()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.pidsOf(dir).size() == 1);
        String orphan = String.valueOf(c.pidOf(dir));
        assertThat(c.run("cat", "/proc/" + orphan + "/stat").out().split(" ")[3]).isEqualTo("1");

        c.run("kill", "-KILL", orphan);

        await().atMost(Duration.ofSeconds(10)).until(() -> c.run("test", "-e", "/proc/" + orphan).exit() != 0);
    }

    @Test
    void theProductionRecipeHasGlibc235OrLater() {
        String ldd = on(V2Image.PRODUCTION_STANDIN).run("ldd", "--version").out();

        Matcher m = Pattern.compile("GLIBC ([0-9]+)\\.([0-9]+)").matcher(ldd);
        assertThat(m.find()).as(ldd).isTrue();
        assertThat(List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                .satisfiesAnyOf(v -> assertThat(v.get(0)).isGreaterThan(2),
                        v -> assertThat(v.get(0) == 2 && v.get(1) >= 35).isTrue());
    }
}
