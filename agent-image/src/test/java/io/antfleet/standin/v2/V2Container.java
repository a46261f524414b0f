package io.antfleet.standin.v2;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;

/**
 * A container of one {@link V2Image} with its default command (the init as PID 1, stays up) and its default
 * user {@code ant}, on the host network as antfleet runs agents (these ITs use host ports 45000-45999). Every command is
 * an argument list run through the Docker API with a timeout; {@link #spawn} leaves a process (a node)
 * running and hands back its exit later.
 */
final class V2Container implements AutoCloseable {
    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);

    record Exec(int exit, String out, String err) {
    }

    private final GenericContainer<?> container;
    private final V2Image image;

    @SuppressWarnings("resource")
    V2Container(V2Image image, String testClass) {
        this.image = image;
        container = new GenericContainer<>(image.imageName())
                .withNetworkMode("host")
                .withLabels(Map.of("io.antfleet.helper", "antnode2-it", "io.antfleet.test", testClass))
                .withCreateContainerCmdModifier(cmd -> cmd.withName("antnode2-it-" + testClass + "-"
                        + image.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8)));
        container.start();
    }

    V2Image image() {
        return image;
    }

    /** Runs a command as the image's default user and waits for it (at most {@link #EXEC_TIMEOUT}). */
    Exec run(String... args) {
        return spawn(Map.of(), args).awaitExit(EXEC_TIMEOUT);
    }

    /** Runs a command with extra environment variables and waits for it. */
    Exec run(Map<String, String> env, String... args) {
        return spawn(env, args).awaitExit(EXEC_TIMEOUT);
    }

    /** Starts a command and returns at once; the process keeps running inside the container. */
    Spawned spawn(Map<String, String> env, String... args) {
        DockerClient docker = container.getDockerClient();
        List<String> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(k + "=" + v));
        String execId = docker.execCreateCmd(container.getContainerId()).withCmd(args).withEnv(envList)
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        Spawned process = new Spawned(docker, execId, String.join(" ", args));
        docker.execStartCmd(execId).exec(process.callback);
        return process;
    }

    /** Writes a small file (mode 0644, owned by root) into a directory that exists. */
    void writeFile(String path, String content) {
        container.copyFileToContainer(Transferable.of(content, 0644), path);
    }

    byte[] readFile(String path) {
        return container.copyFileFromContainer(path, in -> in.readAllBytes());
    }

    String readText(String path) {
        return new String(readFile(path), StandardCharsets.UTF_8);
    }

    boolean exists(String path) {
        return run("test", "-e", path).exit() == 0;
    }

    /** The container's pid of the ant-node whose argv holds {@code --root-dir <rootDir>}, or -1. */
    long pidOf(String rootDir) {
        return pidsOf(rootDir).stream().findFirst().orElse(-1L);
    }

    List<Long> pidsOf(String rootDir) {
        return pidsMatching(args -> args.contains("ant-node") && (args + " ").contains(" --root-dir " + rootDir + " "));
    }

    /** Pids of the container's processes whose command line (args joined by spaces) matches. */
    List<Long> pidsMatching(java.util.function.Predicate<String> args) {
        List<Long> pids = new ArrayList<>();
        for (String line : run("ps", "-e", "-o", "pid,args").out().split("\n")) {
            String[] cols = line.trim().split("\\s+", 2);
            if (cols.length == 2 && cols[0].matches("\\d+") && args.test(cols[1])) {
                pids.add(Long.parseLong(cols[0]));
            }
        }
        return pids;
    }

    /** Local ports of the UDP sockets in the container, from /proc/net/udp and /proc/net/udp6, by family. */
    List<Integer> udpPorts(String family) {
        List<Integer> ports = new ArrayList<>();
        String[] lines = run("cat", family.equals("udp6") ? "/proc/net/udp6" : "/proc/net/udp").out().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cols = lines[i].trim().split("\\s+");
            if (cols.length > 2) {
                String local = cols[1];
                ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
            }
        }
        return ports;
    }

    @Override
    public void close() {
        container.stop();
    }

    /** A command started with {@link #spawn}: its output so far, and its exit once it ends. */
    static final class Spawned {
        private final DockerClient docker;
        private final String execId;
        private final String command;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (Spawned.this) {
                    switch (frame.getStreamType()) {
                        case STDOUT, RAW -> out.writeBytes(frame.getPayload());
                        case STDERR -> err.writeBytes(frame.getPayload());
                        default -> { }
                    }
                }
            }

            @Override
            public void onComplete() {
                ended = true;
                super.onComplete();
            }

            @Override
            public void onError(Throwable throwable) {
                ended = true;
                super.onError(throwable);
            }
        };
        private volatile boolean ended;

        Spawned(DockerClient docker, String execId, String command) {
            this.docker = docker;
            this.execId = execId;
            this.command = command;
        }

        @Override
        public String toString() {
            return command + "\n--- stdout:\n" + out() + "--- stderr:\n" + err();
        }

        /** True until Docker closes the process's output stream, which it does when the process ends. */
        boolean running() {
            return !ended;
        }

        synchronized String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        synchronized String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Waits for the end of the process; fails the test if it does not end in time. */
        Exec awaitExit(Duration timeout) {
            try {
                if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("still running after " + timeout + ": " + command);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + command, e);
            }
            Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            return new Exec(code == null ? -1 : code.intValue(), out(), err());
        }
    }
}
