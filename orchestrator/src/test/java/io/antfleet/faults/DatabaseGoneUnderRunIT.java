package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import io.antfleet.cli.Main;
import io.antfleet.docker.StandInContainers;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.OperationState;
import io.antfleet.store.ContainerRepository;
import io.antfleet.store.Database;
import io.antfleet.store.DecisionLog;
import io.antfleet.store.DecisionRecord;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;
import io.antfleet.store.StoreConnection;
import io.antfleet.store.StoreModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under a running {@code antfleet run} (a real subprocess on MariaDB reached through
 * a {@link CuttableProxy}): each cycle fails with one error naming the database, the loop retries after a
 * doubling wait and acts on nothing while cut; restored, it carries on, and the rows match what antctl
 * shows, also when the cut came while antctl was adding a node. Fleet {@code rundb-<random>}, ports
 * 53000-53099 (the proxy on 53095).
 */
@Timeout(value = 14, unit = TimeUnit.MINUTES)
class DatabaseGoneUnderRunIT {
    private static final int PROXY_PORT = 53095;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String fleet = "rundb-" + UUID.randomUUID().toString().substring(0, 6);
    private final List<Injector> stores = new ArrayList<>();

    /** The run's process and its output files, on a fresh database reached through the proxy. */
    private record Running(Process process, Path out, Path err) {
        void await(String what, java.util.concurrent.Callable<Boolean> until, int minutes) {
            Awaitility.await(what).atMost(minutes, TimeUnit.MINUTES).pollInterval(200, TimeUnit.MILLISECONDS)
                    .until(() -> !process.isAlive() || until.call());
            assertThat(process.isAlive()).as("antfleet run ended early:%n%s", read(err)).isTrue();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            // for the failsafe report when an assertion failed
            System.out.println("antfleet run stdout:\n" + read(out) + "\nantfleet run stderr:\n" + read(err));
        }
    }

    /**
     * {@code antfleet run} on a container of 1 to 3 nodes (cap 3, one start a cycle, a 6 s start cooldown)
     * under an idle host, every 2 s; returns once the first cycle added a node and the next waits out the
     * cooldown, so no action is in flight.
     */
    private Running startRun(String viaProxy) throws IOException {
        Path spec = file("fleet.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo",
                "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'", "network: evm-local", "noUpnp: true",
                "antnode: {version: 0.4.17}", "ports: {node: 53000, metrics: 53030, rpc: 53060, blockSize: 10}",
                "containers:", "  - name: a", "    nodes: {min: 1, max: 3}",
                "autoscale: {nodeCap: 3, maxConcurrent: {starts: 1, upgrades: 1, removals: 1, operations: 2},"
                        + " delays: {start: 6s, upgrade: 0s, remove: 0s, restart: 0s}}", ""));
        Path idle = file("idle.json", "{\"cpu\": 5, \"mem\": 10, \"disk\": 20, \"load1\": 0.1, \"load5\": 0.1, \"load15\": 0.1}");
        Running run = new Running(start(dir.resolve("run.out"), dir.resolve("run.err"), "-v", "--output", "json", "--db", viaProxy,
                "run", spec.toString(), "--interval", "2s", "--assume-host", idle.toString()), dir.resolve("run.out"),
                dir.resolve("run.err"));
        // apply's container and first node, then the first cycle's ADD and a cycle waiting out its cooldown
        run.await("a cycle in the start cooldown", () -> lines(run.out()).stream()
                .anyMatch(l -> l.contains("delay_start runs until")), 4);
        return run;
    }

    private static String viaProxy(FaultStore store) {
        String url = store.url().replace("127.0.0.1:3306/", "127.0.0.1:" + PROXY_PORT + "/");
        assertThat(url).contains(":" + PROXY_PORT + "/antfleet_test_fault_rundb_");
        return url;
    }

    private static CuttableProxy proxy() {
        return new CuttableProxy(PROXY_PORT, new InetSocketAddress("127.0.0.1", 3306));
    }

    @Test
    void cyclesFailWithTheDatabaseNamedAndAreRetriedWhileItIsCutAndCarryOnWithConsistentRowsOnceItIsBack()
            throws Exception {
        try (FaultStore store = FaultStore.create("rundb"); CuttableProxy proxy = proxy()) {
            Running run = startRun(viaProxy(store));
            try {
                proxy.cut();
                int cutAt = lines(run.out()).size();
                assertThat(serviceNames()).as("the first cycle added one to apply's one").hasSize(2);

                run.await("four failed cycles", () -> failures(run.out(), cutAt).size() >= 4, 1);
                List<JsonNode> failed = failures(run.out(), cutAt);
                assertThat(failed).allSatisfy(f -> assertThat(f.get("error").asText())
                        .startsWith("database error on jdbc:mariadb://127.0.0.1:" + PROXY_PORT + "/antfleet_test_fault_rundb_")
                        .doesNotContain(store.url().replaceFirst(".*password=", "password=")));
                assertThat(failed.stream().map(f -> f.get("retryInMillis").asLong()).toList())
                        .as("1 s, doubling up to the interval").startsWith(1000L, 2000L, 2000L);
                assertThat(serviceNames()).as("nothing carried out while cut, though the cooldown has run out").hasSize(2);
                assertThat(lines(run.out()).subList(cutAt, lines(run.out()).size())).as("only failures while cut")
                        .allSatisfy(l -> assertThat(l).contains("\"error\""));
                assertThat(read(run.err())).contains("cycle failed: database error on jdbc:mariadb://127.0.0.1:" + PROXY_PORT);

                proxy.restore();
                int restoredAt = lines(run.out()).size();

                run.await("a full fleet after the restore", () -> fleetFullSince(run.out(), restoredAt), 2);
            } finally {
                run.stop();
            }
            assertThat(run.process().exitValue()).as("SIGTERM: the JVM's own exit status, not a failure").isIn(0, 143);
            assertThat(read(run.err())).as("SIGTERM released the lease").doesNotContain("releasing the database lease failed");
            rowsMatchTheContainer(store.url(), 2);
            assertThat(journal(store.url())).allSatisfy(o -> assertThat(o.state()).as(o.toString()).isEqualTo(OperationState.DONE));
        } finally {
            removeTheFleet();
        }
    }

    @Test
    void anAddAntctlFinishesWhileTheDatabaseIsCutIsInTheRowsOnceItIsBackAndIsNotRepeated() throws Exception {
        try (FaultStore store = FaultStore.create("rundb"); CuttableProxy proxy = proxy();
                StandInContainers docker = new StandInContainers("rundb")) {
            Running run = startRun(viaProxy(store));
            try {
                docker.fault(fleet + "-a", "add hang=8 times=1");
                OperationJournal direct = injector(store.url()).getInstance(OperationJournal.class);
                run.await("the next ADD's antctl add in flight", () -> direct.pending().stream()
                        .anyMatch(o -> o.intent().equals("add")), 1);
                proxy.cut();
                int cutAt = lines(run.out()).size();

                run.await("antctl's add done and the cycle failed", () -> serviceNames().size() == 3
                        && failures(run.out(), cutAt).size() >= 2, 1);
                assertThat(rows(store.url())).as("the database never heard of the third node").hasSize(2);

                proxy.restore();
                int restoredAt = lines(run.out()).size();

                run.await("a full fleet after the restore", () -> fleetFullSince(run.out(), restoredAt), 2);
            } finally {
                run.stop();
            }
            assertThat(read(run.err())).contains("re-read antctl's registries after the failed cycle");
            rowsMatchTheContainer(store.url(), 1);
            assertThat(journal(store.url())).filteredOn(o -> o.state() != OperationState.DONE)
                    .as("the add begun before the cut: its outcome unrecorded, closed once the registry was read again")
                    .singleElement().satisfies(o -> {
                        assertThat(o.intent()).isEqualTo("add");
                        assertThat(o.state()).isEqualTo(OperationState.FAILED);
                        assertThat(o.error()).contains("outcome not recorded", "registry was read again");
                    });
        } finally {
            removeTheFleet();
        }
    }

    private static boolean fleetFullSince(Path out, int from) throws IOException {
        List<String> all = lines(out);
        return all.subList(Math.min(from, all.size()), all.size()).stream().anyMatch(l -> l.contains("the fleet is full"));
    }

    /** The store over the database directly (not through the proxy); closed after the test. */
    private Injector injector(String url) {
        Injector injector = Bootstrap.injector(List.of(new StoreModule(Database.parse(url))));
        stores.add(injector);
        return injector;
    }

    @AfterEach
    void closeTheStores() {
        stores.forEach(i -> i.getInstance(StoreConnection.class).close());
    }

    private List<Node> rows(String url) {
        Injector store = injector(url);
        long id = store.getInstance(ContainerRepository.class).findByName(fleet + "-a").orElseThrow().id();
        return store.getInstance(NodeRepository.class).findByContainer(id);
    }

    private List<io.antfleet.fleet.Operation> journal(String url) {
        return injector(url).getInstance(OperationJournal.class).recent(1000);
    }

    /**
     * After the outage: one row per antctl node (3, no duplicate), same names and statuses; every decision
     * record whole, {@code addsDone} of them ADDs carried out.
     */
    private void rowsMatchTheContainer(String url, int addsDone) throws IOException {
        JsonNode status = antctlStatus();
        List<String> fromAntctl = new ArrayList<>();
        status.get("nodes").forEach(n -> fromAntctl.add(n.get("service_name").asText() + " " + n.get("status").asText()));
        assertThat(rows(url).stream().map(n -> n.service().value() + " " + antctlWord(n)).toList())
                .containsExactlyInAnyOrderElementsOf(fromAntctl).hasSize(3).doesNotHaveDuplicates();
        List<DecisionRecord> decisions = injector(url).getInstance(DecisionLog.class).recent(1000);
        assertThat(decisions).allSatisfy(d -> assertThat(d.outcome()).isIn("DONE", "FAILED", "NOT_RUN"));
        assertThat(decisions).filteredOn(d -> d.action().equals("ADD") && d.outcome().equals("DONE")).hasSize(addsDone);
    }

    private static String antctlWord(Node n) {
        String s = n.status().name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private List<String> serviceNames() throws IOException {
        if (antctlStatus().get("nodes") == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        antctlStatus().get("nodes").forEach(n -> names.add(n.get("service_name").asText()));
        return names;
    }

    private JsonNode antctlStatus() throws IOException {
        return JSON.readTree(docker("exec", fleet + "-a", "antctl", "status", "--json"));
    }

    private static List<JsonNode> failures(Path out, int from) throws IOException {
        List<String> all = lines(out);
        List<JsonNode> failed = new ArrayList<>();
        for (String l : all.subList(Math.min(from, all.size()), all.size())) {
            if (l.contains("\"error\"") && l.contains("\"retryInMillis\"")) {
                failed.add(JSON.readTree(l));
            }
        }
        return failed;
    }

    /** Complete lines only (a line being written has no newline yet). */
    private static List<String> lines(Path f) throws IOException {
        String text = read(f);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Process start(Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private void removeTheFleet() throws IOException, InterruptedException {
        for (String id : docker("ps", "-aq", "--filter", "label=antfleet.fleet=" + fleet).split("\\s+")) {
            if (!id.isBlank()) {
                docker("rm", "-f", "-v", id);
            }
        }
        docker("volume", "rm", "-f", fleet + "-a-data");
    }

    private static String docker(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text;
    }
}
