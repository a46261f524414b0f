package io.antfleet.bench;

import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.ExecResult;
import io.antfleet.fleet.AntfleetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The legacy stand-in's settings file ({@code /etc/antctl-standin/config}, agent-image/README.md) as the
 * converge scenario sets it on both sides: {@code peer_wait_ms=0}, so that {@code antctl start} waits for no
 * simulated peers. The real antctl's wait depends on the network, not on the orchestrator; a fixed sleep on
 * both sides would only dilute the ratio. Written by the same exec on both sides, before the first add.
 */
final class StandinConfig {
    static final String PATH = "/etc/antctl-standin/config";
    static final String NO_PEER_WAIT = "peer_wait_ms=0\n";

    private StandinConfig() {
    }

    static void noPeerWait(DockerGateway docker, String container) {
        int bytes = NO_PEER_WAIT.getBytes(StandardCharsets.UTF_8).length;
        // stdin's end is not signalled through the httpclient5 transport: read an exact byte count
        ExecResult r = docker.exec(container, List.of("dd", "of=" + PATH, "bs=1", "count=" + bytes), "root", Map.of(),
                NO_PEER_WAIT, Duration.ofSeconds(30));
        if (r.exitCode() != 0) {
            throw new AntfleetException("bench: cannot write " + PATH + " in " + container + ": " + r.stderr().strip());
        }
    }
}
