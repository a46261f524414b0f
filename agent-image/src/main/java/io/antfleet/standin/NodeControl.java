package io.antfleet.standin;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts, checks and stops antnode processes. A started node must not hold the caller's stdout or
 * stderr (a {@code docker exec} would then never return): it writes to its log file, reads /dev/null,
 * and antnode puts itself in a new session.
 */
final class NodeControl {
    private static final long STOP_GRACE_MS = 10_000;

    Process spawn(NodeEntry node, List<List<String>> environment) {
        Path logDir = Path.of(node.text("log_dir_path"));
        try {
            Files.createDirectories(logDir);
            ProcessBuilder pb = new ProcessBuilder(commandLine(node));
            pb.redirectInput(new File("/dev/null"));
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("antnode.log").toFile()));
            pb.redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            for (List<String> kv : environment) {
                env.put(kv.get(0), kv.get(1));
            }
            return pb.start();
        } catch (IOException e) {
            throw new Failure("Failed to start " + node.serviceName() + ": " + e.getMessage());
        }
    }

    static List<String> commandLine(NodeEntry node) {
        List<String> cmd = new ArrayList<>(List.of(node.text("antnode_path"),
                "--rpc", node.text("rpc_socket_addr"),
                "--root-dir", node.text("data_dir_path"),
                "--log-output-dest", node.text("log_dir_path")));
        if (node.integer("node_port") != null) {
            cmd.addAll(List.of("--port", node.text("node_port")));
        }
        if (node.integer("metrics_port") != null) {
            cmd.addAll(List.of("--metrics-server-port", node.text("metrics_port")));
        }
        if (node.flag("no_upnp")) {
            cmd.add("--no-upnp");
        }
        if (node.flag("relay")) {
            cmd.add("--relay");
        }
        cmd.addAll(List.of("--rewards-address", node.text("rewards_address")));
        Object evm = node.get("evm_network");
        cmd.add("ArbitrumSepoliaTest".equals(evm) ? "evm-arbitrum-sepolia-test"
                : "ArbitrumOne".equals(evm) ? "evm-arbitrum-one" : "evm-custom");
        return cmd;
    }

    /** Alive means: the pid exists, is not a zombie, and runs this node's binary (pids get reused). */
    boolean isAlive(Integer pid, String antnodePath) {
        if (pid == null) {
            return false;
        }
        Path proc = Path.of("/proc", pid.toString());
        try {
            String stat = Files.readString(proc.resolve("stat"), StandardCharsets.UTF_8);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            if (state == 'Z' || state == 'X') {
                return false;
            }
            String cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
            int end = cmdline.indexOf('\0');
            return (end < 0 ? cmdline : cmdline.substring(0, end)).equals(antnodePath);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** SIGTERM, then SIGKILL after a grace period; returns when the process is gone. */
    void terminate(int pid, String antnodePath) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + STOP_GRACE_MS;
        while (isAlive(pid, antnodePath)) {
            if (System.currentTimeMillis() > deadline) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                deadline = Long.MAX_VALUE;
            }
            pause(20);
        }
    }

    static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }
}
