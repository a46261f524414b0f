package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway without a daemon: what a run cycle sees while dockerd is stopped or restarting. */
class DockerJavaGatewayTest {
    @TempDir
    Path dir;

    private DockerJavaGateway gatewayTo(Path socket) {
        return new DockerJavaGateway(new DockerSettings("unix://" + socket, "1.41", Duration.ofSeconds(5),
                Duration.ofSeconds(60), 4));
    }

    @Test
    void aMissingDockerSocketIsADockerOperationExceptionNamingTheHost() {
        Path socket = dir.resolve("docker.sock");
        try (DockerJavaGateway gateway = gatewayTo(socket)) {
            assertThatThrownBy(() -> gateway.listByLabels(Map.of("antfleet.fleet", "home")))
                    .isInstanceOf(DockerOperationException.class)
                    .hasMessageContaining("cannot list containers by labels [antfleet.fleet=home]")
                    .hasMessageContaining("no answer from Docker at unix://" + socket);
        }
    }

    @Test
    void anExecWithoutADaemonFailsAsADockerOperationExceptionToo() {
        try (DockerJavaGateway gateway = gatewayTo(dir.resolve("docker.sock"))) {
            assertThatThrownBy(() -> gateway.exec("home-alpha", List.of("antctl", "status", "--json"), "root", Map.of(),
                    null, Duration.ofSeconds(30))).isInstanceOf(DockerOperationException.class)
                    .hasMessageContaining("home-alpha");
        }
    }
}
