package io.antfleet.config.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.fleet.spec.PortPlan;
import io.antfleet.fleet.spec.TlsPaths;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hosts:} section and containers' {@code host:}, validated with file:line:column. */
class HostSpecTest {
    private static final String HEAD = String.join("\n", "apiVersion: antfleet/v1", "fleet: home", "image: i",
            "rewardsAddress: 0x03B770D9cD32077cC0bF330c13C114a87643B124", "");

    @TempDir
    Path dir;
    private Path spec;
    private final SpecLoader loader = new SpecLoader();

    @BeforeEach
    void certificates() throws IOException {
        Files.createDirectories(dir.resolve("far"));
        for (String f : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
            Files.writeString(dir.resolve("far").resolve(f), "PEM");
        }
        spec = dir.resolve("fleet.yaml");
    }

    private FleetSpec load(String body) throws IOException {
        Files.writeString(spec, HEAD + body);
        return loader.load(spec);
    }

    private InvalidSpecException problems(String body) throws IOException {
        Files.writeString(spec, HEAD + body);
        return catchThrowableOfType(InvalidSpecException.class, () -> loader.load(spec));
    }

    private static String far(String extra) {
        return String.join("\n", "hosts:", "  - name: far", "    docker: tcp://10.99.0.2:2376",
                "    tls: {caCert: far/ca.pem, cert: far/cert.pem, key: far/key.pem}" + extra, "");
    }

    @Test
    void aHostIsReadWithTlsPathsFromTheSpecsDirectoryAndItsOwnPortsAndCap() throws IOException {
        FleetSpec s = load(far("\n    ports: {node: 31000, metrics: 30500, rpc: 30200}\n    autoscale: {nodeCap: 200}")
                + "containers:\n  - {name: alpha, nodes: 1}\n  - {name: beta, host: far, nodes: 3}\n");

        HostSpec far = s.host("far").orElseThrow();
        assertThat(far.docker()).isEqualTo(URI.create("tcp://10.99.0.2:2376"));
        assertThat(far.tls()).contains(new TlsPaths(dir.resolve("far/ca.pem"), dir.resolve("far/cert.pem"),
                dir.resolve("far/key.pem")));
        assertThat(far.ports()).contains(new PortPlan(31000, 30500, 30200, 100));
        assertThat(far.nodeCap()).isEqualTo(OptionalInt.of(200));
        assertThat(s.containers()).extracting(c -> c.host()).containsExactly(HostSpec.LOCAL, "far");
    }

    @Test
    void aContainerOnAnUnknownHostIsAProblemAtItsHostWithASuggestion() throws IOException {
        InvalidSpecException e = problems(far("") + "containers:\n  - {name: beta, host: fra, nodes: 3}\n");

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).toString()).isEqualTo(spec + ":10:24: containers[0].host: unknown host 'fra'"
                + " (did you mean 'far'?)");
    }

    @Test
    void missingAndUnreadableTlsFilesAreProblemsAtTheirLines() throws IOException {
        Files.delete(dir.resolve("far/key.pem"));
        Files.setPosixFilePermissions(dir.resolve("far/cert.pem"), PosixFilePermissions.fromString("---------"));
        boolean root = Files.isReadable(dir.resolve("far/cert.pem"));

        InvalidSpecException e = problems(far("") + "containers:\n  - {name: beta, host: far, nodes: 3}\n");

        assertThat(e.getMessage()).contains(spec + ":8:56: hosts[0].tls.key: no such file: " + dir.resolve("far/key.pem"));
        if (!root) {
            assertThat(e.getMessage()).contains("hosts[0].tls.cert: cannot read " + dir.resolve("far/cert.pem"));
        }
        Files.createDirectory(dir.resolve("far/key.pem"));
        assertThat(problems(far("") + "containers: []\n").getMessage())
                .contains("hosts[0].tls.key: cannot read " + dir.resolve("far/key.pem") + " (not a readable file)");
    }

    @Test
    void duplicateAndReservedHostNamesAreProblems() throws IOException {
        String twice = far("") + "  - {name: far, docker: 'unix:///run/far.sock'}\n"
                + "  - {name: local, docker: 'unix:///run/x.sock'}\ncontainers: []\n";

        InvalidSpecException e = problems(twice);

        assertThat(e.problems()).extracting(SpecProblem::toString).containsExactly(
                spec + ":9:12: hosts[1].name: duplicate host name 'far' (first at line 6)",
                spec + ":10:12: hosts[2].name: 'local' is the engine of containers without a host; give this host another name");
    }

    @Test
    void aTcpEngineWithoutTlsAndAUnixEngineWithTlsAreRefused() throws IOException {
        InvalidSpecException plain = problems("hosts:\n  - {name: far, docker: 'tcp://10.99.0.2:2375'}\ncontainers: []\n");
        InvalidSpecException odd = problems("hosts:\n  - {name: far, docker: 'ftp://x'}\ncontainers: []\n");

        assertThat(plain.getMessage()).contains(":6:25: hosts[0].docker: a tcp:// engine needs tls: {caCert, cert, key}");
        assertThat(odd.getMessage()).contains("hosts[0].docker: expected tcp://HOST:PORT or unix:///PATH, got 'ftp://x'");
        assertThat(problems(far("").replace("tcp://10.99.0.2:2376", "unix:///run/far.sock") + "containers: []\n")
                .getMessage()).contains("hosts[0].docker: tls applies to tcp:// engines only");
    }
}
