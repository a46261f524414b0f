package io.antfleet.faults;

import io.antfleet.docker.StandInContainers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import io.antfleet.cli.ExitCodes;
import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerJavaGateway;
import io.antfleet.docker.DockerSettings;
import io.antfleet.docker.ExecResult;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreConnection;
import io.antfleet.store.StoreModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * antfleet SIGKILLed at random points of an apply, each kill from the state the previous one left, then
 * re-run: it converges, with no duplicate or orphan rows, every node accounted for, nothing left PENDING.
 * Each apply is a real {@code java -jar antfleet.jar} process. The spec alternates between 4 and 1 nodes
 * per container so that every round has work to be killed in (adds and starts, stops and removes); the
 * delay of each kill is drawn uniformly over the time one full apply took in this run (later over what an
 * apply of that kind took when it finished before its kill: such a round does not count), from a seed that
 * is printed (set {@code -Dantfleet.killapply.seed=N} to replay). Fleets {@code killapply-*}, 2 containers;
 * node ports 53400-53479, metrics 53500-53579, rpc 53600-53679 (blocks of 20: 4 nodes + 3 x 5 re-adds fit).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ApplyKilledIT {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final Path JAR = Path.of("target", "antfleet.jar");
    private static final Duration APPLY_BOUND = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @Test
    void tenSigkillsAtRandomPointsOfApplyOnMariaDbThenOneApplyConvergesWithEveryNodeAccountedFor() throws Exception {
        try (FaultStore db = FaultStore.create("killapply")) {
            killAndConverge(db.url(), 53400, 10);
        }
    }

    @Test
    void sigkillsOnTheEmbeddedDatabaseLeaveAFileTheNextApplyRecoversAndConverges() throws Exception {
        killAndConverge("jdbc:h2:file:" + dir.resolve("db").resolve("antfleet").toAbsolutePath(), 53440, 3);
    }

    private void killAndConverge(String url, int nodePort, int kills) throws Exception {
        String fleet = "killapply-" + UUID.randomUUID().toString().substring(0, 6);
        Path four = spec(fleet, nodePort, 4);
        Path one = spec(fleet, nodePort, 1);
        long seed = Long.getLong("antfleet.killapply.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Process> started = new ArrayList<>();
        try (DockerJavaGateway docker = new DockerJavaGateway(DockerSettings.defaults())) {
            try {
                long t0 = System.nanoTime();
                Run measured = apply(url, four, "measure", started);
                Duration full = Duration.ofNanos(System.nanoTime() - t0);
                assertThat(measured.code).as(measured.output).isZero();
                System.out.printf("ApplyKilledIT %s: seed %d, one full apply took %d ms%n", fleet, seed, full.toMillis());
                // Each kind of apply (down to 1, up to 4) is killed within the time it takes: the full apply's at
                // first, then what a round of that kind took when it finished before its kill.
                Map<Path, Long> span = new HashMap<>(Map.of(one, full.toMillis(), four, full.toMillis()));
                int landed = 0;
                boolean tookOver = false;
                for (int round = 1; landed < kills; round++) {
                    assertThat(round).as("rounds needed to land %d kills inside an apply", kills).isLessThanOrEqualTo(3 * kills);
                    Path target = round % 2 == 1 ? one : four;
                    long delay = (long) (random.nextDouble() * span.get(target));
                    long started0 = System.nanoTime();
                    Run r = killAfter(url, target, "kill-" + round, Duration.ofMillis(delay), started);
                    System.out.printf("ApplyKilledIT %s: round %d, apply %s, SIGKILL after %d ms: %s%n", fleet, round,
                            target.getFileName(), delay, r.killed ? "killed" : "had finished with exit " + r.code);
                    assertThat(r.killed || r.code == 0).as("round %d ran to exit %d:%n%s", round, r.code, r.output).isTrue();
                    if (!r.killed) {
                        span.put(target, Duration.ofNanos(System.nanoTime() - started0).toMillis());
                    }
                    landed += r.killed ? 1 : 0;
                    tookOver |= r.output.contains("took over the lease of apply pid");
                }
                Run last = apply(url, four, "converge", started);
                Run again = apply(url, four, "again", started);

                assertThat(last.code).as(last.output).isZero();
                assertThat(last.output).doesNotContain("Exception");
                assertThat(again.code).as(again.output).isZero();
                assertThat(again.output).contains("No changes");
                System.out.printf("ApplyKilledIT %s: %d kills landed inside an apply; a later apply took a lease over: %s%n",
                        fleet, landed, tookOver);
                assertEveryNodeAccountedFor(url, fleet, docker);
            } finally {
                started.forEach(Process::destroyForcibly);
                for (Process p : started) {
                    p.waitFor(30, TimeUnit.SECONDS);
                }
                removeFleet(docker, fleet);
            }
        }
    }

    private void assertEveryNodeAccountedFor(String url, String fleet, DockerJavaGateway docker) throws IOException {
        Injector store = Bootstrap.injector(List.of(new StoreModule(Database.parse(url))));
        try {
            List<ContainerInfo> containers = docker.listByLabels(Map.of("antfleet.fleet", fleet));
            assertThat(containers).hasSize(2).allMatch(ContainerInfo::running);
            ContainerRepository rows = store.getInstance(ContainerRepository.class);
            NodeRepository nodeRows = store.getInstance(NodeRepository.class);
            assertThat(rows.findAll().stream().filter(c -> c.name().startsWith(fleet + "-")).map(Container::dockerId))
                    .as("one container row per container, no orphan").containsExactlyInAnyOrderElementsOf(
                            containers.stream().map(ContainerInfo::id).collect(Collectors.toList()));
            for (ContainerInfo c : containers) {
                Container row = rows.findByDockerId(c.id()).orElseThrow();
                assertThat(row.ports()).as("the row of %s has its port block", c.name()).isNotNull();
                List<Node> nodes = nodeRows.findByContainer(row.id());
                Map<String, String> antctl = antctlStatuses(docker, c.id());
                assertThat(nodes.stream().map(n -> n.service().value()).distinct().count()).as("duplicates in %s", c.name())
                        .isEqualTo(nodes.size());
                assertThat(nodes).extracting(n -> n.service().value()).as("rows of %s against antctl status", c.name())
                        .containsExactlyInAnyOrderElementsOf(antctl.keySet());
                assertThat(antctl.values().stream().filter(s -> !s.equals("Removed")))
                        .as("antctl's nodes in %s: %s", c.name(), antctl).hasSize(4).containsOnly("Running");
                for (Node n : nodes) {
                    NodeStatus expected = antctl.get(n.service().value()).equals("Removed") ? NodeStatus.DEAD : NodeStatus.RUNNING;
                    assertThat(n.status()).as("%s in %s", n.service(), c.name()).isEqualTo(expected);
                }
            }
            assertThat(store.getInstance(OperationJournal.class).pending()).as("operations left PENDING").isEmpty();
            assertThat(store.getInstance(DatabaseLease.class).current()).as("the lease after the last apply").isEmpty();
        } finally {
            store.getInstance(StoreConnection.class).close();
        }
    }

    private static Map<String, String> antctlStatuses(DockerJavaGateway docker, String container) throws IOException {
        ExecResult r = docker.exec(container, List.of("antctl", "status", "--json"), "root", Map.of(), null, Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode n : new ObjectMapper().readTree(r.stdout()).get("nodes")) {
            assertThat(statuses.put(n.get("service_name").asText(), n.get("status").asText()))
                    .as("antctl lists %s twice", n.get("service_name")).isNull();
        }
        return statuses;
    }

    private Path spec(String fleet, int nodePort, int nodes) throws IOException {
        Path file = dir.resolve(fleet + "-" + nodes + ".yaml");
        Files.writeString(file, String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "network: evm-local", "noUpnp: true",
                "ports: {node: " + nodePort + ", metrics: " + (nodePort + 100) + ", rpc: " + (nodePort + 200) + ", blockSize: 20}",
                "containers:", "  - {name: c0, nodes: " + nodes + "}", "  - {name: c1, nodes: " + nodes + "}", ""));
        return file;
    }

    private Process start(String url, Path spec, String label, List<Process> started) throws IOException {
        // C1 only: a short-lived CLI gains nothing from C2, and the 2-core test host is shared
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(), "--db", url, "apply", spec.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(label + ".out").toFile()).start();
        started.add(p);
        return p;
    }

    private Run apply(String url, Path spec, String label, List<Process> started) throws Exception {
        Process p = start(url, spec, label, started);
        assertThat(p.waitFor(APPLY_BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("%s finished in %s", label, APPLY_BOUND).isTrue();
        return new Run(p.exitValue(), false, Files.readString(dir.resolve(label + ".out"), StandardCharsets.UTF_8));
    }

    /** Starts an apply and SIGKILLs it after {@code delay} ({@code destroyForcibly} is SIGKILL on Linux). */
    private Run killAfter(String url, Path spec, String label, Duration delay, List<Process> started) throws Exception {
        Process p = start(url, spec, label, started);
        boolean finished = p.waitFor(delay.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s died of SIGKILL", label).isTrue();
        }
        String output = Files.readString(dir.resolve(label + ".out"), StandardCharsets.UTF_8);
        return new Run(p.exitValue(), !finished, output);
    }

    private static void removeFleet(DockerJavaGateway docker, String fleet) throws Exception {
        for (ContainerInfo c : docker.listByLabels(Map.of("antfleet.fleet", fleet))) {
            docker.remove(c.id(), true);
        }
        for (String volume : List.of(fleet + "-c0-data", fleet + "-c1-data")) {
            new ProcessBuilder("docker", "volume", "rm", "-f", volume).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private record Run(int code, boolean killed, String output) {
    }
}
