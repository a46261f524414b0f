package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeControlTest {
    private static final String SLEEP = Files.exists(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep";
    private final NodeControl nodes = new NodeControl();

    @Test
    void runningProcessOfTheNodesBinaryIsAlive() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SLEEP, "30").start();
        try {
            assertThat(nodes.isAlive((int) p.pid(), SLEEP)).isTrue();
        } finally {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void processRunningAnotherProgramIsNotTheNode() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SLEEP, "30").start();
        try {
            assertThat(nodes.isAlive((int) p.pid(), "/var/antctl/services/antnode1/antnode")).isFalse();
        } finally {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void exitedProcessAndMissingPidAreNotAlive() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SLEEP, "30").start();
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

        assertThat(nodes.isAlive((int) p.pid(), SLEEP)).isFalse();
        assertThat(nodes.isAlive(null, SLEEP)).isFalse();
    }

    @Test
    void terminateStopsTheProcessWithSigterm() throws IOException {
        Process p = new ProcessBuilder(SLEEP, "30").start();

        nodes.terminate((int) p.pid(), SLEEP);

        assertThat(nodes.isAlive((int) p.pid(), SLEEP)).isFalse();
    }

    @Test
    void nodeCommandLineCarriesPortsRootDirAndTrailingEvmNetwork() {
        NodeEntry node = NodeEntry.blank(1);
        node.set("antnode_path", "/d/antnode1/antnode");
        node.set("data_dir_path", "/d/antnode1");
        node.set("log_dir_path", "/l/antnode1");
        node.set("rpc_socket_addr", "127.0.0.1:30001");
        node.set("node_port", 55001);
        node.set("metrics_port", 13001);
        node.set("rewards_address", "0xabc");
        node.set("evm_network", "ArbitrumOne");

        assertThat(NodeControl.commandLine(node)).containsExactly("/d/antnode1/antnode", "--rpc", "127.0.0.1:30001",
                "--root-dir", "/d/antnode1", "--log-output-dest", "/l/antnode1", "--port", "55001",
                "--metrics-server-port", "13001", "--rewards-address", "0xabc", "evm-arbitrum-one");
    }
}
