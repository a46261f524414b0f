package io.antfleet.standin.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ant-v2-contract.md §5.1: the node binds its UDP port on all interfaces, dual-stack unless --ipv4-only;
 * port 0 lets the OS pick and the log names it ("Node is running on port: N", §5.6); a port in use fails the
 * start with exit 1 "node startup failed: Failed to start P2P node" (§5.3); --metrics-port binds nothing
 * (§7 #5, there is no listener of any kind: the node's only socket is its UDP one). Ports: offsets 100-199 of V2ContractTestBase#port.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AntNodePortIT extends V2ContractTestBase {
    private static final Pattern RUNNING_ON = Pattern.compile("Node is running on port: (\\d+)");

    private V2Container.Spawned start(V2Container c, String dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--root-dir", dir, "--rewards-address", ADDRESS, "--enable-logging"));
        args.addAll(List.of(extra));
        V2Container.Spawned node = startNode(c, Map.of(), CURRENT, args.toArray(String[]::new));
        awaitStdout(node, "Node running");
        return node;
    }

    /** Inodes of the sockets a process holds (its fd links read "socket:[inode]"). */
    private static Set<String> socketInodes(V2Container c, long pid) {
        Set<String> inodes = new HashSet<>();
        Matcher m = Pattern.compile("socket:\\[(\\d+)]").matcher(c.run("ls", "-l", "/proc/" + pid + "/fd").out());
        while (m.find()) {
            inodes.add(m.group(1));
        }
        return inodes;
    }

    /** Inodes of the sockets listed in /proc/net/{file} (column 10). */
    private static Set<String> tableInodes(V2Container c, String... files) {
        Set<String> inodes = new HashSet<>();
        for (String file : files) {
            String[] lines = c.run("cat", "/proc/net/" + file).out().split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].trim().split("\\s+");
                if (cols.length > 9) {
                    inodes.add(cols[9]);
                }
            }
        }
        return inodes;
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void theGivenPortIsBoundDualStackAndNothingListensOnTheMetricsPort(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("port");
        int port = port(image, 100);
        int metrics = port(image, 101);
        V2Container.Spawned node = start(c, dir, "--port", String.valueOf(port), "--metrics-port", String.valueOf(metrics));

        assertThat(node.out()).contains("Node is running on port: " + port);
        assertThat(c.udpPorts("udp6")).contains(port);
        Set<String> sockets = socketInodes(c, c.pidOf(dir));
        assertThat(sockets).hasSize(1);
        assertThat(tableInodes(c, "udp6")).containsAll(sockets);
        assertThat(tableInodes(c, "tcp", "tcp6")).doesNotContainAnyElementsOf(sockets);
        assertThat(terminate(c, dir, node).exit()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> !c.udpPorts("udp6").contains(port));
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void ipv4OnlyBindsAnIpv4Socket(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("ipv4");
        int port = port(image, 102);
        V2Container.Spawned node = start(c, dir, "--ipv4-only", "-p", String.valueOf(port));

        assertThat(c.udpPorts("udp")).contains(port);
        assertThat(c.udpPorts("udp6")).doesNotContain(port);
        assertThat(terminate(c, dir, node).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void portZeroLetsTheOsPickAndTheLogSaysWhich(V2Image image) {
        V2Container c = on(image);
        String dir = freshDir("port-zero");
        V2Container.Spawned node = start(c, dir);

        Matcher m = RUNNING_ON.matcher(node.out());
        assertThat(m.find()).isTrue();
        int picked = Integer.parseInt(m.group(1));
        assertThat(picked).isPositive();
        assertThat(c.udpPorts("udp6")).contains(picked);
        assertThat(terminate(c, dir, node).exit()).isZero();
    }

    @ParameterizedTest
    @EnumSource(V2Image.class)
    void aPortInUseFailsTheStart(V2Image image) {
        V2Container c = on(image);
        String first = freshDir("holder");
        String second = freshDir("second");
        int port = port(image, 103);
        V2Container.Spawned holder = start(c, first, "--port", String.valueOf(port));

        V2Container.Exec r = c.run(binary(CURRENT), "--root-dir", second, "--rewards-address", ADDRESS, "--port",
                String.valueOf(port));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: \n   0: ").contains("node startup failed: Failed to start P2P node: ");
        assertThat(terminate(c, first, holder).exit()).isZero();
    }
}
