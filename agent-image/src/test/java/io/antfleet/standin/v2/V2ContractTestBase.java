package io.antfleet.standin.v2;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One container per image per test class, started on first use; each test works in its own directory, so
 * tests share a container without seeing each other's nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class V2ContractTestBase {
    static final String ADDRESS = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    static final String CURRENT = "0.14.2";
    static final String NEWER = "0.14.3";

    private final Map<V2Image, V2Container> containers = new EnumMap<>(V2Image.class);
    private final AtomicInteger dirs = new AtomicInteger();

    V2Container on(V2Image image) {
        return containers.computeIfAbsent(image, i -> new V2Container(i, getClass().getSimpleName()));
    }

    /** A fresh directory name under the default user's home (not created). */
    String freshDir(String purpose) {
        return "/home/ant/" + purpose + "-" + dirs.incrementAndGet();
    }

    /**
     * A host port for this image's container (host network): 45000-45499 for the stand-in image,
     * 45500-45999 for the production recipe, so a node left over by one image never blocks the other's.
     */
    static int port(V2Image image, int offset) {
        if (offset < 0 || offset >= 500) {
            throw new IllegalArgumentException("port offset out of 0..499: " + offset);
        }
        return 45000 + 500 * image.ordinal() + offset;
    }

    static String binary(String version) {
        return "/opt/ant-node/" + version + "/ant-node";
    }

    /** Starts ant-node {@code version} with these arguments, as the image's default user. */
    static V2Container.Spawned startNode(V2Container c, Map<String, String> env, String version, String... args) {
        List<String> argv = new ArrayList<>(List.of(binary(version)));
        argv.addAll(List.of(args));
        return c.spawn(env, argv.toArray(String[]::new));
    }

    /** Waits until the process printed {@code text} on stdout (needs --enable-logging without --log-dir). */
    static void awaitStdout(V2Container.Spawned node, String text) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .failFast("the process ended: " + node, () -> !node.running())
                .until(() -> node.out().contains(text));
    }

    /** Waits until a UDP socket (IPv6, dual-stack) is bound on {@code port}; fails at once if the node ends. */
    static void awaitBound(V2Container c, V2Container.Spawned node, int port) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .failFast("the process ended: " + node, () -> !node.running())
                .alias("udp port " + port + " bound by " + node)
                .until(() -> c.udpPorts("udp6").contains(port));
    }

    /** SIGTERM to the node that runs with {@code --root-dir rootDir}; returns its exit. */
    static V2Container.Exec terminate(V2Container c, String rootDir, V2Container.Spawned node) {
        return signal(c, c.pidOf(rootDir), "TERM", node);
    }

    /** Sends a signal to a pid of the container and returns the exit of {@code node}. */
    static V2Container.Exec signal(V2Container c, long pid, String signal, V2Container.Spawned node) {
        if (pid < 0) {
            throw new AssertionError("no such ant-node: " + node);
        }
        c.run("kill", "-" + signal, String.valueOf(pid));
        return node.awaitExit(Duration.ofSeconds(15));
    }

    @AfterAll
    void stopContainers() {
        containers.values().forEach(V2Container::close);
        containers.clear();
    }
}
