package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.1 "--root-dir special case": without --root-dir (or with one equal to the platform
 * default {@code <D>} = $XDG_DATA_HOME/ant or $HOME/.local/share/ant) the node scans {@code <D>/nodes/*}: none
 * → it makes {@code <D>/nodes/<64-hex peer id>/}; one → it uses it; several → exit 1 "Multiple node identities
 * found at …" (AN: src/node.rs:237-296, src/config.rs:367). Every start, wherever the root dir is, makes the
 * shared upgrade cache {@code <D>/upgrades} with mode 0700 (§4.1; AN: src/upgrade/cache_dir.rs:21-50).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeDefaultRootDirIT extends V2ContractTestBase {

    private List<String> nodeDirs(V2Container c, String nodes) {
        V2Container.Exec ls = c.run("ls", nodes);
        return ls.exit() == 0 ? List.of(ls.out().trim().split("\\s+")) : List.of();
    }

    private void runOnce(V2Container c, Map<String, String> env, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--rewards-address";
        args[1] = ADDRESS;
        args[2] = "--enable-logging";
        System.arraycopy(extra, 0, args, 3, extra.length);
        V2Container.Spawned node = startNode(c, env, CURRENT, args);
        awaitStdout(node, "Node running");
        long pid = c.pidsMatching(a -> a.startsWith(binary(CURRENT) + " --rewards-address")).get(0);
        assertThat(signal(c, pid, "TERM", node).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void withoutRootDirTheNodeLivesInADirNamedByItsPeerIdAndFindsItAgain(V2Image image) throws Exception {
        V2Container c = on(image);
        String xdg = freshDir("xdg");
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg);

        runOnce(c, env);
        List<String> first = nodeDirs(c, xdg + "/ant/nodes");
        runOnce(c, env);

        assertThat(first).hasSize(1);
        assertThat(first.get(0)).matches("[0-9a-f]{64}");
        String key = c.readText(xdg + "/ant/nodes/" + first.get(0) + "/node_identity.key");
        assertThat(AntNodeIdentityIT.peerId(key)).isEqualTo(first.get(0));
        assertThat(nodeDirs(c, xdg + "/ant/nodes")).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void homeIsTheFallbackAndARootDirEqualToTheDefaultIsTheSameSpecialCase(V2Image image) {
        V2Container c = on(image);
        String home = freshDir("home");
        c.run("mkdir", "-p", home);

        runOnce(c, Map.of("HOME", home));
        runOnce(c, Map.of("HOME", home), "--root-dir", home + "/.local/share/ant/");

        assertThat(nodeDirs(c, home + "/.local/share/ant/nodes")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void severalIdentitiesUnderTheDefaultAreAnError(V2Image image) {
        V2Container c = on(image);
        String xdg = freshDir("multi");
        for (String name : List.of("a", "b")) {
            c.run("mkdir", "-p", xdg + "/ant/nodes/" + name);
            c.run("cp", "/dev/null", xdg + "/ant/nodes/" + name + "/node_identity.key");
        }

        V2Container.Exec r = c.run(Map.of("XDG_DATA_HOME", xdg), binary(CURRENT), "--rewards-address", ADDRESS);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("configuration error: Multiple node identities found at " + xdg + "/ant/nodes: [")
                .contains("]. Specify --root-dir to select one.");
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void everyStartMakesTheSharedUpgradeCacheDirPrivate(V2Image image) {
        V2Container c = on(image);
        String xdg = freshDir("upgrades");
        String dir = freshDir("elsewhere");

        V2Container.Spawned node = startNode(c, Map.of("XDG_DATA_HOME", xdg), CURRENT, "--root-dir", dir,
                "--rewards-address", ADDRESS, "--enable-logging");
        awaitStdout(node, "Node running");

        assertThat(c.run("stat", "-c", "%a", xdg + "/ant/upgrades").out().trim()).isEqualTo("700");
        assertThat(terminate(c, dir, node).exit()).isZero();
    }
}
