package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.ContainerSpec;
import io.antfleet.docker.DockerJavaGateway;
import io.antfleet.docker.DockerOperationException;
import io.antfleet.docker.DockerSettings;
import io.antfleet.docker.StandInContainers;
import io.antfleet.engine.apply.FleetLabels;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak: {@value #DEFAULT_CONTAINERS} stand-in containers × {@value #DEFAULT_NODES} running nodes, adopted by
 * a real {@code java -Xmx160m -XX:+UseSerialGC -jar antfleet.jar run} subprocess on a fresh MariaDB database,
 * idle (node cap = the fleet, an assumed host sample of zeros) for {@value #DEFAULT_CYCLES} cycles, its
 * {@code /proc/<pid>} sampled after every cycle's report: resident memory, threads and open descriptors
 * stay flat ({@link SoakFigures}), every cycle sweeps every node and decides nothing but a survey.
 * Containers {@code soak-<run>-c<i>} (label {@code antfleet.test=soak}), node, metrics and rpc ports
 * 40000-42999. Smaller: {@code -Dsoak.containers=2 -Dsoak.nodes=10 -Dsoak.cycles=25}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SoakIT {
    static final int DEFAULT_CONTAINERS = 20;
    static final int DEFAULT_NODES = 50;
    static final int DEFAULT_CYCLES = 100;
    private static final int CONTAINERS = Integer.getInteger("soak.containers", DEFAULT_CONTAINERS);
    private static final int NODES = Integer.getInteger("soak.nodes", DEFAULT_NODES);
    private static final int CYCLES = Integer.getInteger("soak.cycles", DEFAULT_CYCLES);
    private static final String INTERVAL = System.getProperty("soak.interval", "250ms");
    private static final int FIRST_PORT = 40000;
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    /** The human report's header; JSON output carries the decisions only, not how many nodes were swept. */
    private static final Pattern HEADER = Pattern.compile("^cycle \\S+: host .*; (\\d+) of (\\d+) nodes answered their metrics");
    private static final String IDLE = "  SURVEY fleet: host has room, but the fleet is full";
    /** The first cycle comes after the run's apply (an antctl survey of each container) and the adoption. */
    private static final Duration FIRST_CYCLE_BOUND = Duration.ofMinutes(4);
    private static final Duration CYCLE_BOUND = Duration.ofSeconds(30);
    /**
     * The live heap after a full collection was 16-20 MB at 1,000 nodes and moved by up to 3 MB between two
     * histograms (what a sweep in flight holds at that moment), so 8 MB; over the ~90 cycles between them it
     * catches anything retained at 0.1 kB per node per cycle, far below what RSS can see.
     */
    private static final long HEAP_GROWTH = 8L << 20;

    @TempDir
    Path dir;

    @Test
    void aThousandIdleNodesForAHundredCyclesKeepResidentMemoryThreadsAndDescriptorsFlat() throws Exception {
        String fleet = "soak-" + UUID.randomUUID().toString().substring(0, 6);
        long t0 = System.nanoTime();
        SoakFigures figures = new SoakFigures();
        try (FaultStore store = FaultStore.create("soak");
                DockerJavaGateway docker = new DockerJavaGateway(DockerSettings.defaults());
                SoakFleet containers = new SoakFleet(docker)) {
            try {
                containers.create(IntStream.range(0, CONTAINERS).mapToObj(i -> container(fleet, i)).toList(), NODES,
                        FIRST_PORT);
                long setUp = System.nanoTime();
                log("set-up: %d containers x %d nodes running in %.1f s", CONTAINERS, NODES, (setUp - t0) / 1e9);
                Soaked soaked = soak(store.url(), fleet, figures);
                log("soak: %d cycles in %.1f s (interval %s)", figures.cycles(), (System.nanoTime() - setUp) / 1e9, INTERVAL);
                log("soak: %s", figures.summary());
                String heap = String.format(Locale.ROOT, "live heap after a full collection: %.1f MB at cycle %d -> %.1f MB "
                        + "at cycle %d; grown most: %s", soaked.early().bytes() / 1048576.0, SoakFigures.WARM_UP - 1,
                        soaked.late().bytes() / 1048576.0, CYCLES, soaked.early().grownMost(soaked.late(), 8));
                log("soak: %s", heap);

                checkReports(soaked.reports());
                assertThat(figures.problems()).as(figures.summary()).isEmpty();
                assertThat(soaked.late().bytes()).as(heap).isLessThanOrEqualTo(soaked.early().bytes() + HEAP_GROWTH);
            } finally {
                log("soak: per cycle, as each report arrived%n%s", figures.table());
                removeLeftovers(docker, fleet);
                log("soak IT: %.1f s in all", (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /**
     * Every cycle swept every node and decided a survey only. Nearly all must answer: on a host loaded far past
     * its cores (load 57 on 2 here) a few probes ran past the sweep's timeout (995 of 1,000), which the engine
     * must and did ride out without a decision.
     */
    private static void checkReports(List<List<String>> reports) {
        int all = CONTAINERS * NODES;
        assertThat(reports).hasSize(CYCLES);
        for (int c = 0; c < reports.size(); c++) {
            List<String> report = reports.get(c);
            String[] counts = report.get(0).split(" of ");
            assertThat(Integer.parseInt(counts[1])).as("nodes swept in cycle %d", c + 1).isEqualTo(all);
            assertThat(Integer.parseInt(counts[0])).as("nodes that answered in cycle %d", c + 1)
                    .isGreaterThanOrEqualTo(all - all / 100);
            assertThat(report.subList(1, report.size())).as("cycle %d decides a survey only", c + 1).singleElement()
                    .asString().startsWith(IDLE);
        }
        log("soak: %d of %d cycles had every node answer", reports.stream().filter(r -> r.get(0).equals(all + " of " + all))
                .count(), reports.size());
    }

    /** Per cycle "answered of swept" then its other report lines; the live heap after the warm-up and at the end. */
    private record Soaked(List<List<String>> reports, LiveHeap early, LiveHeap late) {
    }

    /** Runs antfleet for {@link #CYCLES} cycles, sampling its process after each cycle's report. */
    private Soaked soak(String db, String fleet, SoakFigures figures) throws Exception {
        Path spec = Files.writeString(dir.resolve("fleet.yaml"), spec(fleet));
        Path host = Files.writeString(dir.resolve("host.json"),
                "{\"cpu\": 0, \"mem\": 0, \"disk\": 0, \"load1\": 0, \"load5\": 0, \"load15\": 0}");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m",
                "-XX:+UseSerialGC", "-jar", jar().toString(), "--db", db, "run", spec.toString(), "--interval", INTERVAL,
                "--assume-host", host.toString());
        List<List<String>> reports = new ArrayList<>();
        LiveHeap early = null;
        try (RunProcess run = RunProcess.start(command, dir.resolve("run.err"), l -> HEADER.matcher(l).find())) {
            long last = System.nanoTime();
            while (reports.size() < CYCLES) {
                Optional<RunProcess.Printed> printed = run.next(reports.isEmpty() ? FIRST_CYCLE_BOUND : CYCLE_BOUND);
                assertThat(printed).as("antfleet run ended after %d cycles; stderr ends:%n%s", reports.size(),
                        run.stderrTail()).isPresent();
                String line = printed.get().text();
                Matcher header = HEADER.matcher(line);
                if (header.find()) {
                    long now = printed.get().atNanos();
                    if (reports.isEmpty()) {
                        log("soak: first cycle reported %.1f s after the start (JVM, migrations, apply, adoption)",
                                (now - last) / 1e9);
                    }
                    figures.add(ProcessSample.of(reports.size() + 1, reports.isEmpty() ? 0 : (now - last) / 1_000_000,
                            printed.get().proc().orElseThrow()));
                    last = now;
                    reports.add(new ArrayList<>(List.of(header.group(1) + " of " + header.group(2))));
                    if (reports.size() == 1) {
                        // long before the verdict's windows: the Attach Listener thread jcmd starts is in all of them
                        LiveHeap.attach(run.pid());
                    }
                    if (reports.size() == SoakFigures.WARM_UP - 1) {
                        early = LiveHeap.of(run.pid());
                    }
                } else {
                    assertThat(reports).as("a line before the first cycle: %s", line).isNotEmpty();
                    reports.get(reports.size() - 1).add(line);
                }
            }
            LiveHeap late = LiveHeap.of(run.pid());
            List<String> rest = run.stop(Duration.ofMinutes(1));
            // the last cycle's decisions; a cycle in progress at SIGTERM may follow and is not counted
            rest.stream().takeWhile(l -> !HEADER.matcher(l).find()).forEach(reports.get(reports.size() - 1)::add);
            return new Soaked(reports, early, late);
        }
    }

    private static String spec(String fleet) {
        StringBuilder yaml = new StringBuilder(String.join("\n", "apiVersion: antfleet/v1", "fleet: " + fleet,
                "image: " + StandInContainers.IMAGE, "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "network: evm-arbitrum-one", "noUpnp: true",
                "ports: {node: " + FIRST_PORT + ", metrics: " + (FIRST_PORT + 1000) + ", rpc: " + (FIRST_PORT + 2000)
                        + ", blockSize: " + NODES + "}",
                "autoscale: {nodeCap: " + CONTAINERS * NODES + "}", "containers:", ""));
        for (int i = 0; i < CONTAINERS; i++) {
            yaml.append("  - name: c").append(i).append("\n    nodes: ").append(NODES).append('\n');
        }
        return yaml.toString();
    }

    /** Named and labelled as apply would have made it, with {@link SoakFleet}'s ports as its port block. */
    private static ContainerSpec container(String fleet, int i) {
        int first = FIRST_PORT + i * NODES;
        PortBlock block = new PortBlock(new PortRange(first, first + NODES - 1),
                new PortRange(first + 1000, first + 1000 + NODES - 1), new PortRange(first + 2000, first + 2000 + NODES - 1));
        return new ContainerSpec(fleet + "-c" + i, StandInContainers.IMAGE, Map.of(FleetLabels.FLEET, fleet,
                FleetLabels.CONTAINER, "c" + i, FleetLabels.PORT_BLOCK, FleetLabels.encode(block),
                FleetLabels.PROCESS_MANAGER, "antctl+sudo", StandInContainers.TEST_LABEL, "soak"), "host", null, null, null, null);
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "antfleet.jar");
        assertThat(jar).as("run mvn package first").exists();
        return jar;
    }

    /** Whatever the fleet left that SoakFleet did not create (e.g. a container apply made on a mismatch). */
    private static void removeLeftovers(DockerJavaGateway docker, String fleet) {
        for (ContainerInfo c : docker.listByLabels(Map.of(FleetLabels.FLEET, fleet))) {
            try {
                docker.remove(c.id(), true);
            } catch (DockerOperationException e) {
                // gone meanwhile
            }
        }
        List<String> volumes = new ArrayList<>(List.of("docker", "volume", "rm", "-f"));
        for (int i = 0; i < CONTAINERS; i++) {
            volumes.add(fleet + "-c" + i + "-data");
        }
        try {
            new ProcessBuilder(volumes).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            log("cannot remove the volumes of %s: %s", fleet, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
