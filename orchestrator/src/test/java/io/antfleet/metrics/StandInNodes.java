package io.antfleet.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Many metrics endpoints on 127.0.0.1 for the sweep benchmark: real antnode stand-in processes
 * (agent-image/src/main/c/antnode.c built with gcc -static -O2) when the source and gcc are there,
 * otherwise JDK HttpServers serving the golden antnode bodies. Test code only.
 */
final class StandInNodes implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final Path workDir;
    private String kind = "none";

    StandInNodes() throws IOException {
        this.workDir = Files.createTempDirectory("antfleet-engine-bench");
    }

    String kind() {
        return kind;
    }

    /** Starts one endpoint on each of {@code ports}. */
    void start(List<Integer> ports) throws IOException, InterruptedException {
        int count = ports.size();
        Path source = findSource();
        if (source != null && compile(source)) {
            kind = count + " antnode stand-in processes (" + source + ", gcc -static -O2)";
            for (int port : ports) {
                processes.add(new ProcessBuilder(workDir.resolve("antnode").toString(),
                        "--root-dir", workDir.resolve("node" + port).toString(),
                        "--metrics-server-port", Integer.toString(port), "--port", "0")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            return;
        }
        kind = count + " JDK HttpServer endpoints serving the golden antnode bodies (stand-in source or gcc missing)";
        byte[] metrics = NodeReadingsMapperTest.resource("antnode-metrics.txt").getBytes(StandardCharsets.UTF_8);
        byte[] metadata = NodeReadingsMapperTest.resource("antnode-metadata.txt").getBytes(StandardCharsets.UTF_8);
        for (int port : ports) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            server.createContext("/metrics", ex -> answer(ex, metrics));
            server.createContext("/metadata", ex -> answer(ex, metadata));
            server.setExecutor(handlers);
            server.start();
            servers.add(server);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The first {@code count} ports of {@code [first, last]} that can be bound on 127.0.0.1 now. A bind
     * test, not a connect test: the range lies among the ephemeral ports, and a connect to a free one can
     * connect to itself.
     */
    static List<Integer> freePorts(int count, int first, int last) {
        List<Integer> free = new ArrayList<>();
        for (int port = first; port <= last && free.size() < count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                free.add(port);
            } catch (IOException busy) {
                // taken by someone else: skip it
            }
        }
        if (free.size() < count) {
            throw new IllegalStateException("only " + free.size() + " free ports in " + first + "-" + last + ", need " + count);
        }
        return free;
    }

    private static Path findSource() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path c = dir.resolve("agent-image/src/main/c/antnode.c");
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        return null;
    }

    private boolean compile(Path source) throws IOException, InterruptedException {
        try {
            Process gcc = new ProcessBuilder("gcc", "-static", "-O2", "-o", workDir.resolve("antnode").toString(),
                    source.toString()).redirectErrorStream(true).start();
            String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                System.err.println("gcc failed, falling back to JDK endpoints: " + out);
                return false;
            }
            return true;
        } catch (IOException e) {
            System.err.println("gcc not runnable, falling back to JDK endpoints: " + e.getMessage());
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        servers.forEach(s -> s.stop(0));
        handlers.shutdownNow();
        try (Stream<Path> walk = Files.walk(workDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
