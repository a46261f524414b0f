package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.3: SIGTERM and SIGINT shut the node down gracefully with exit 0; SIGHUP is logged and
 * otherwise ignored (AN: src/node.rs:695-720); without --enable-logging stdout stays empty. The stand-in's
 * {@code standin-exit} hook makes the crashes a supervisor must handle: an exit code, or a panic, which aborts
 * (panic = "abort", a shell sees 134).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodeSignalsIT extends V2ContractTestBase {

    private V2Container.Spawned startQuiet(V2Container c, String dir) {
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, "--root-dir", dir, "--rewards-address", ADDRESS);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .failFast("the node ended: " + node, () -> !node.running())
                .until(() -> c.exists(dir + "/paid_list.mdb/data.mdb") && c.pidOf(dir) > 0);
        return node;
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void sigtermAndSigintExitZeroWithNothingOnStdout(V2Image image) {
        V2Container c = on(image);
        for (String signal : new String[] {"TERM", "INT"}) {
            String dir = freshDir("sig" + signal);
            V2Container.Spawned node = startQuiet(c, dir);

            V2Container.Exec r = signal(c, c.pidOf(dir), signal, node);

            assertThat(r.exit()).as(signal).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void sighupIsLoggedAndIgnored(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("hup");
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, "--root-dir", dir, "--rewards-address", ADDRESS,
                "--enable-logging");
        awaitStdout(node, "Node running");

        c.run("kill", "-HUP", String.valueOf(c.pidOf(dir)));
        awaitStdout(node, "Received SIGHUP (config reload not yet supported)");

        assertThat(node.running()).isTrue();
        V2Container.Exec r = terminate(c, dir, node);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Received SIGTERM, initiating shutdown");
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void theExitHookMakesCrashesWithACodeOrAnAbort(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("crash");
        V2Container.Spawned node = startQuiet(c, dir);
        c.writeFile(dir + "/standin-exit", "3\n");
        assertThat(node.awaitExit(Duration.ofSeconds(10)).exit()).isEqualTo(3);

        V2Container.Spawned again = startQuiet(c, dir);
        c.writeFile(dir + "/standin-exit", "abort\n");
        V2Container.Exec r = again.awaitExit(Duration.ofSeconds(10));
        assertThat(r.exit()).isEqualTo(134);
        assertThat(r.err()).contains("panicked at");
    }
}
