package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.cli.CliRun;
import io.antfleet.fleet.spec.TlsPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second Docker engine in a network namespace of its own, reached with mutual TLS over a veth pair whose
 * private addresses the test assigns ({@link NetnsEngine}): the gateway drives it with the client certificate
 * it trusts, refuses clearly with one it does not, and {@code apply --check} asks it at validation time.
 */
class RemoteEngineIT {
    private static final String IMAGE = "antfleet/agent:stand-in";
    private static NetnsEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEngine() {
        engine = NetnsEngine.startLoaded(1, IMAGE).get(0);
    }

    @AfterAll
    static void removeEngine() {
        NetnsEngine.closeAll(engine);
    }

    private static DockerJavaGateway gateway(TlsPaths tls) {
        return new DockerJavaGateway(DockerSettings.defaults().forEngine(engine.endpoint(), Optional.of(tls)));
    }

    @Test
    void aClientTheEngineTrustsRunsAContainerThatLivesInTheEnginesNamespace() {
        String name = "antfleet-remote-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> labels = Map.of("antfleet.test", name);
        try (DockerJavaGateway far = gateway(engine.trustedClient())) {
            String id = far.createAndStart(new ContainerSpec(name, IMAGE, labels, "host", null, null, null, null));

            assertThat(far.listByLabels(labels)).extracting(ContainerInfo::id).containsExactly(id);
            ExecResult links = far.exec(id, List.of("cat", "/proc/net/dev"), null, Map.of(), null, Duration.ofSeconds(30));
            assertThat(links.exitCode()).as(links.toString()).isZero();
            assertThat(links.stdout()).contains(engine.insideLink()).doesNotContain("docker0");
            assertThat(engine.cli("ps", "-q", "--filter", "label=antfleet.test=" + name).out()).contains(id.substring(0, 12));
            far.remove(id, true);
            assertThat(far.listByLabels(labels)).isEmpty();
        }
    }

    @Test
    void aClientCertificateTheEngineDoesNotTrustIsAClearError() {
        try (DockerJavaGateway stranger = gateway(engine.untrustedClient())) {
            assertThatThrownBy(() -> stranger.listByLabels(Map.of("antfleet.test", "any")))
                    .isInstanceOf(DockerOperationException.class)
                    .hasMessageContaining("Docker at " + engine.endpoint())
                    .hasMessageContaining("refused the client certificate");
        }
    }

    @Test
    void applyCheckAsksEveryHostsEngineAndNamesTheOneThatRefusesAtItsLine() throws IOException {
        Path trusted = spec("trusted.yaml", engine.trustedClient());
        Path untrusted = spec("untrusted.yaml", engine.untrustedClient());

        CliRun ok = CliRun.of("apply", trusted.toString(), "--check");
        CliRun refused = CliRun.of("apply", untrusted.toString(), "--check");

        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("valid; every host's engine answers (1 besides the local one)");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains(untrusted + ":7:13: hosts[0].docker: the engine does not answer:")
                .contains("refused the client certificate");
    }

    private Path spec(String file, TlsPaths tls) throws IOException {
        Path spec = dir.resolve(file);
        Files.writeString(spec, String.join("\n", "apiVersion: antfleet/v1", "fleet: remote-check", "image: " + IMAGE,
                "rewardsAddress: 0x03B770D9cD32077cC0bF330c13C114a87643B124", "hosts:", "  - name: far",
                "    docker: " + engine.endpoint(),
                "    tls: {caCert: " + tls.caCert() + ", cert: " + tls.cert() + ", key: " + tls.key() + "}",
                "containers:", "  - {name: alpha, nodes: 1}", ""));
        return spec;
    }
}
