package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.probe.DockerContainerProbe;
import io.antfleet.probe.ProbeDocument;
import io.antfleet.probe.ProbeParser;
import io.antfleet.probe.ProbedNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ant container on a macvlan network with a fixed address (one public address per container, issue 13
 * item 7). The macvlan's parent is one end of a veth pair this test makes (the {@code dummy} link type is not
 * available on these machines); the addresses are private ones the test picks, and nothing leaves the
 * machine: the veth's peer end is connected to nothing and the nodes have no bootstrap peers. Links, network and container are removed after.
 */
class FixedAddressNetworkIT {
    private static final String ADDRESS = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final Duration CALL = Duration.ofSeconds(60);
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String parent = "v2oa" + tag;
    private final String peer = "v2ob" + tag;
    private final String network = "antfleet-it-macvlan-" + tag;
    private final DockerJavaGateway docker = new DockerJavaGateway(DockerSettings.defaults());
    private String container;

    @BeforeEach
    void createVethPairAndMacvlanNetwork() throws Exception {
        run("ip", "link", "add", parent, "type", "veth", "peer", "name", peer);
        run("ip", "link", "set", parent, "up");
        run("ip", "link", "set", peer, "up");
        run("docker", "network", "create", "-d", "macvlan", "--subnet", "10.213.77.0/24", "-o", "parent=" + parent,
                "--label", "antfleet.test=antfleet-it-macvlan", network);
    }

    @AfterEach
    void removeContainerNetworkAndLinks() throws Exception {
        try {
            if (container != null) {
                docker.remove(container, true);
            }
        } finally {
            docker.close();
            runQuietly("docker", "network", "rm", network);
            runQuietly("ip", "link", "del", parent); // deletes its veth peer too
        }
    }

    @Test
    void aContainerWithAFixedAddressOnAMacvlanNetworkRunsItsNodes() throws Exception {
        container = docker.createAndStart(new ContainerSpec("antfleet-it-macvlan-" + tag, "antfleet/agent:ant-stand-in",
                Map.of("antfleet.test", "antfleet-it-macvlan"), network, null, null, null, null, "10.213.77.10", null));

        ContainerInfo info = docker.inspect(container).orElseThrow();
        assertThat(info.networkMode()).isEqualTo(network);
        assertThat(exec("ip", "-4", "-o", "addr", "show")).contains("inet 10.213.77.10/24");
        exec("ant", "node", "daemon", "start", "--json");
        ObjectMapper json = new ObjectMapper();
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(exec("ant", "node", "daemon", "status", "--json"))
                .path("running").asBoolean());
        exec("ant", "node", "add", "--json", "--rewards-address", ADDRESS, "--path", "/opt/ant-node/0.14.2/ant-node",
                "--count", "2", "--node-port", "12000-12001");
        exec("ant", "node", "start", "--json");

        DockerContainerProbe probe = new DockerContainerProbe(docker, new ProbeParser(), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProbeDocument document = probe.probe(container);
            assertThat(document.nodes()).extracting(ProbedNode::service).containsExactly("node1", "node2");
            assertThat(document.nodes()).allMatch(ProbedNode::alive);
        });
        assertThat(exec("cat", "/proc/net/udp", "/proc/net/udp6")).as("the nodes' UDP ports, 12000 = 2EE0 and 12001 = 2EE1")
                .contains(":2EE0").contains(":2EE1");
    }

    private String exec(String... command) {
        ExecResult r = docker.exec(container, List.of(command), null, Map.of("NO_COLOR", "1"), null, CALL);
        assertThat(r.exitCode()).as(List.of(command) + ": " + r.stderr()).isZero();
        return r.stdout();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(List.of(command) + " did not end within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(List.of(command) + " exited " + p.exitValue() + ": " + out);
        }
    }

    private static void runQuietly(String... command) {
        try {
            run(command);
        } catch (IOException | IllegalStateException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
