package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.cli.ExitCodes;
import io.antfleet.cli.Main;
import io.antfleet.cli.render.DecisionRenderer;
import io.antfleet.docker.DockerSettings;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.HostCommand;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.run.CycleReport;
import io.antfleet.engine.run.DockerView;
import io.antfleet.engine.run.HostSource;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunTarget;
import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.Decision;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.store.OperationJournal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: "a container is killed during {@code run}: detected in the next cycle; {@code apply} recreates it
 * and its nodes". Two stand-in containers × two nodes on the shared daemon (fleet {@code rundocker-kill-*},
 * ports 53100–53139, metrics +100, rpc +200); the run loop runs in-process on a thread, wired and holding
 * the lease as {@code antfleet run} does, over a MariaDB database. The operator's remedy is the one the
 * note names: stop the run (it holds the lease, so apply meanwhile exits 3), {@code antfleet apply}, run again.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContainerKilledUnderRunIT {
    private static final HostSample IDLE = HostSample.idle().withCpu(5).withMem(10).withDisk(20).withLoad(0.1, 0.1, 0.1);
    private static final String AUTOSCALE = "{nodeCap: 4, maxConcurrent: {starts: 2, upgrades: 1, removals: 1, operations: 4},"
            + " delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 5m}}";

    private final RunFixture fixture = new RunFixture("kill", DockerSettings.defaults());

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private String dockerName(String name) {
        return fixture.fleet + "-" + name;
    }

    /** {@code RunLoop.run} on a thread, as {@code antfleet run} runs it (holding the lease), until {@link #close()}. */
    private final class Running implements AutoCloseable {
        final List<CycleReport> reports = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> died = new AtomicReference<>();
        private final RunLoop loop = fixture.injector.getInstance(RunLoop.class);
        private final Thread thread;

        Running(RunTarget target) {
            thread = new Thread(() -> {
                try {
                    loop.run(target, HostSource.assumed(IDLE), Duration.ofMillis(500), false, reports::add);
                } catch (Throwable t) {
                    died.set(t);
                }
            }, "rundocker-run-loop");
            thread.start();
        }

        /** The first report from index {@code from} on that satisfies {@code wanted}, within a bound. */
        CycleReport await(int from, String what, Predicate<CycleReport> wanted) {
            AtomicReference<CycleReport> found = new AtomicReference<>();
            Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(died.get()).as("the run loop died").isNull();
                Optional<CycleReport> r = reports.subList(from, reports.size()).stream().filter(wanted).findFirst();
                r.ifPresent(found::set);
                return r.isPresent();
            });
            return found.get();
        }

        @Override
        public void close() throws InterruptedException {
            loop.stop();
            thread.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(thread.isAlive()).as("the run loop ends when stopped").isFalse();
        }
    }

    private List<NodeStatus> statuses(String name) {
        long id = fixture.injector.getInstance(io.antfleet.store.ContainerRepository.class).findByName(dockerName(name))
                .orElseThrow().id();
        return fixture.nodes().stream().filter(n -> n.containerId() == id).map(Node::status).toList();
    }

    private long operationsOn(String name) {
        long id = fixture.injector.getInstance(io.antfleet.store.ContainerRepository.class).findByName(dockerName(name))
                .orElseThrow().id();
        return fixture.injector.getInstance(OperationJournal.class).recent(1000).stream()
                .filter(o -> o.containerId() != null && o.containerId() == id).count();
    }

    @Test
    void aContainerKilledUnderRunIsReportedByTheNextCycleGetsNoActionAndComesBackWithItsNodesAfterApply() throws Exception {
        String yaml = fixture.specYaml(53100, "[{name: a, nodes: 2}, {name: b, nodes: 2}]", AUTOSCALE);
        FleetSpec spec = fixture.spec(yaml);
        ApplyReport applied = fixture.injector.getInstance(ApplyService.class).apply(spec, false);
        assertThat(applied.ok()).as(applied.toString()).isTrue();
        RunTarget target = RunTarget.of(spec, 2);

        try (Running run = new Running(target)) {
            CycleReport before = run.await(0, "a clean cycle with all 4 nodes answering",
                    r -> r.docker().clean() && r.answering() == 4);
            assertThat(before.decisions().actions()).containsExactly(Action.SURVEY);
            long operationsOnB = operationsOn("b");

            HostCommand.Result kill = HostCommand.run(List.of("docker", "kill", dockerName("b")), Duration.ofSeconds(60));
            assertThat(kill.exit()).as(kill.out()).isZero();
            int killedAt = run.reports.size();
            CycleReport next = run.await(killedAt, "the next cycle noticing b", r -> !r.docker().clean());
            CycleReport after = run.await(run.reports.indexOf(next) + 1, "the cycle after it", r -> true);

            assertThat(run.reports.subList(killedAt, run.reports.indexOf(next))).as("at most the cycle in progress missed it")
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(next.docker().down()).containsExactly(Map.entry(dockerName("b"), DockerView.NOT_RUNNING));
            assertThat(next.notes()).anySatisfy(n -> assertThat(n)
                    .startsWith("container " + dockerName("b") + " is not running").contains("antfleet apply"));
            assertThat(DecisionRenderer.json(next))
                    .contains("{\"container\":\"" + dockerName("b") + "\",\"docker\":\"not running\"}");
            for (CycleReport r : List.of(next, after)) {
                assertThat(r.decisions().list()).extracting(Decision::container).doesNotContain(dockerName("b"));
                assertThat(r.ok()).isTrue();
                assertThat(r.swept()).as("only a's nodes are swept").isEqualTo(2);
            }
            assertThat(operationsOn("b")).as("no antctl operation into b").isEqualTo(operationsOnB);
            assertThat(fixture.containerStatus(dockerName("b"))).isEqualTo("stopped");
            assertThat(statuses("b")).containsExactly(NodeStatus.STOPPED, NodeStatus.STOPPED);
            assertThat(statuses("a")).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING);
            assertThat(apply(yaml).code()).as("apply while run holds the lease").isEqualTo(ExitCodes.LEASE_HELD);
        }

        Run apply = apply(yaml);

        assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
        assertThat(fixture.docker().inspect(dockerName("b")).orElseThrow().running()).isTrue();
        ExecResult status = fixture.docker().exec(dockerName("b"), List.of("antctl", "status", "--json"), "root", Map.of(),
                null, Duration.ofSeconds(60));
        JsonNode nodes = new ObjectMapper().readTree(status.stdout()).get("nodes");
        assertThat(nodes).hasSize(2).allSatisfy(n -> assertThat(n.get("status").asText()).isEqualTo("Running"));
        try (Running again = new Running(target)) {
            CycleReport clean = again.await(0, "a clean cycle with all 4 nodes answering",
                    r -> r.docker().clean() && r.answering() == 4);
            assertThat(clean.notes()).isEmpty();
            assertThat(clean.ok()).isTrue();
            assertThat(clean.decisions().actions()).containsExactly(Action.SURVEY);
        }
        assertThat(fixture.containerStatus(dockerName("b"))).isEqualTo("running");
        assertThat(fixture.nodes()).hasSize(4).allSatisfy(n -> assertThat(n.status()).isEqualTo(NodeStatus.RUNNING));
    }

    record Run(int code, String out, String err) {
    }

    /** {@code antfleet --db URL apply FILE}, as an operator types it. */
    private Run apply(String yaml) throws Exception {
        Path file = dir.resolve("fleet.yaml");
        Files.writeString(file, yaml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "--db", fixture.store.url(), "apply", file.toString());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
