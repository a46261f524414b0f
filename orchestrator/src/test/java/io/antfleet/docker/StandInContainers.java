package io.antfleet.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stand-in agent containers for integration tests: host networking, named {@code antctl-it-*}, labelled
 * {@code antfleet.test=antctl-it}; {@link #close()} removes the ones this fixture created.
 */
public final class StandInContainers implements AutoCloseable {
    /** {@code $ANTFLEET_STANDIN_IMAGE} when set (a stand-in under development), else the shared tag. */
    public static final String IMAGE = System.getenv().getOrDefault("ANTFLEET_STANDIN_IMAGE", "antfleet/agent:stand-in");
    public static final String TEST_LABEL = "antfleet.test";
    public static final String FAULTS = "/etc/antctl-standin/faults";

    private final DockerJavaGateway docker = new DockerJavaGateway(DockerSettings.defaults());
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    private final String prefix;

    public StandInContainers() {
        this("antctl-it");
    }

    /** Containers named {@code <prefix>-*} and labelled {@code antfleet.test=<prefix>}. */
    public StandInContainers(String prefix) {
        this.prefix = java.util.Objects.requireNonNull(prefix, "prefix is null");
    }

    public DockerJavaGateway docker() {
        return docker;
    }

    /** Starts a container; returns its Docker id. */
    public ContainerInfo start(String purpose, Map<String, String> extraLabels) {
        Map<String, String> labels = new HashMap<>(extraLabels);
        labels.put(TEST_LABEL, prefix);
        String name = prefix + "-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        String id = docker.createAndStart(new ContainerSpec(name, IMAGE, labels, "host", null, null, null, null));
        created.add(id);
        return docker.inspect(id).orElseThrow();
    }

    /** Scripts a stand-in fault (agent-image's fault file syntax), readable by root and ant. */
    public void fault(String container, String line) {
        write(container, FAULTS, line + "\n");
    }

    /**
     * Makes the container stand for a host with systemd: the stand-in image stands for the production image,
     * whose OpenRC refuses antctl's user mode, so tests of user mode say which service manager they assume.
     */
    public void systemdHost(String container) {
        write(container, "/etc/antctl-standin/config", "peer_wait_ms=300\nservice_manager=systemd\n");
    }

    private void write(String container, String path, String content) {
        int bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        // stdin's end is not signalled through docker-java's httpclient5 transport: read an exact byte count
        ExecResult r = docker.exec(container, List.of("dd", "of=" + path, "bs=1", "count=" + bytes), "root", Map.of(),
                content, Duration.ofSeconds(10));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cannot write " + path + " in " + container + ": " + r.stderr());
        }
    }

    /** Runs antctl by hand inside the container, as an operator would (not through antfleet). */
    public ExecResult antctl(String container, boolean asRoot, String... args) {
        List<String> command = new ArrayList<>(List.of("antctl"));
        command.addAll(List.of(args));
        return docker.exec(container, command, asRoot ? "root" : "ant", Map.of(), null, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        for (String id : created) {
            try {
                docker.remove(id, true);
            } catch (DockerOperationException e) {
                // already gone; nothing of ours is left behind
            }
        }
        docker.close();
    }
}
