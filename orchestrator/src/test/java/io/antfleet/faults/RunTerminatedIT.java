package io.antfleet.faults;

import io.antfleet.docker.StandInContainers;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerJavaGateway;
import io.antfleet.docker.DockerSettings;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.StoreConnection;
import io.antfleet.store.StoreModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code antfleet run} on the embedded database, stopped by SIGTERM, releases its lease before the
 * database closes (H2's own exit hook used to close it first, so the lease stayed held for its TTL).
 * A real {@code java -jar} process; fleet {@code killapply-term-*}, one node, ports 53480/53580/53680.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RunTerminatedIT {
    private static final Path JAR = Path.of("target", "antfleet.jar");

    @TempDir
    Path dir;

    @Test
    void runStoppedBySigtermOnTheEmbeddedDatabaseReleasesItsLeaseSoTheNextProcessTakesItAtOnce() throws Exception {
        String fleet = "killapply-term-" + UUID.randomUUID().toString().substring(0, 6);
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("antfleet").toAbsolutePath();
        Path spec = Files.writeString(dir.resolve("fleet.yaml"), String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo",
                "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'", "network: evm-local", "noUpnp: true",
                "ports: {node: 53480, metrics: 53580, rpc: 53680, blockSize: 10}", "containers:", "  - {name: c0, nodes: 1}", ""));
        Path idle = Files.writeString(dir.resolve("idle.json"),
                "{\"cpu\": 5, \"mem\": 10, \"disk\": 20, \"load1\": 0.1, \"load5\": 0.1, \"load15\": 0.1}");
        Process run = null;
        try (DockerJavaGateway docker = new DockerJavaGateway(DockerSettings.defaults())) {
            try {
                run = antfleet(url, "run.err", "run", spec.toString(), "--interval", "1h", "--assume-host", idle.toString());
                Process running = run;
                String firstCycle = CompletableFuture.supplyAsync(() -> firstLine(running)).get(4, TimeUnit.MINUTES);
                assertThat(firstCycle).as(Files.readString(dir.resolve("run.err"))).startsWith("cycle ");

                run.destroy(); // SIGTERM
                assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("run stopped on SIGTERM").isTrue();

                assertThat(leaseHolder(url)).as("lease after SIGTERM; run's stderr:%n%s", Files.readString(dir.resolve("run.err")))
                        .isEmpty();
                Process next = antfleet(url, "apply.err", "apply", spec.toString());
                assertThat(next.waitFor(4, TimeUnit.MINUTES)).isTrue();
                String err = Files.readString(dir.resolve("apply.err"));
                assertThat(next.exitValue()).as(err).isZero();
                assertThat(err).doesNotContain("took over the lease");
            } finally {
                if (run != null) {
                    run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
                for (ContainerInfo c : docker.listByLabels(Map.of("antfleet.fleet", fleet))) {
                    docker.remove(c.id(), true);
                }
                new ProcessBuilder("docker", "volume", "rm", "-f", fleet + "-c0-data").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private Process antfleet(String url, String errFile, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "--db", url));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(dir.resolve(errFile).toFile()).start();
    }

    private static String firstLine(Process p) {
        try {
            return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    /** The lease's holder as the database has it, read once no antfleet process has the file open. */
    private static java.util.Optional<String> leaseHolder(String url) {
        Injector store = Bootstrap.injector(List.of(new StoreModule(Database.parse(url))));
        try {
            return store.getInstance(DatabaseLease.class).current().map(h -> h.holder());
        } finally {
            store.getInstance(StoreConnection.class).close();
        }
    }
}
