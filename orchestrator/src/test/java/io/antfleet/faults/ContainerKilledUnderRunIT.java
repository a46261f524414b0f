package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.cli.Main;
import io.antfleet.cli.render.DecisionRenderer;
import io.antfleet.docker.DockerSettings;
import io.antfleet.docker.ExecResult;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: "a container is killed during {@code run}: detected in the next cycle; {@code apply} recreates it
 * and its nodes". Two stand-in containers × two nodes on the shared daemon (fleet {@code rundocker-kill-*},
 * ports 53100–53139, metrics +100, rpc +200); the run loop's cycles run in-process as {@code antfleet run}
 * wires them, over a MariaDB database.
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

    /** The next cycle whose sweep heard every node, within a bound (stand-in nodes take a moment to answer). */
    private CycleReport cycleWithEveryNodeAnswering(RunLoop loop, RunTarget target) {
        AtomicReference<CycleReport> last = new AtomicReference<>();
        Awaitility.await("a cycle with all 4 nodes answering").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    last.set(loop.cycle(target, HostSource.assumed(IDLE), false));
                    return last.get().answering() == 4;
                });
        return last.get();
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
        RunLoop loop = fixture.injector.getInstance(RunLoop.class);
        RunTarget target = RunTarget.of(spec, 2);
        CycleReport before = cycleWithEveryNodeAnswering(loop, target);
        assertThat(before.docker().clean()).isTrue();
        assertThat(before.decisions().actions()).containsExactly(Action.SURVEY);
        long operationsOnB = operationsOn("b");

        PrivateDockerd.Cli kill = PrivateDockerd.run(List.of("docker", "kill", dockerName("b")), Duration.ofSeconds(60));
        assertThat(kill.exit()).as(kill.out()).isZero();
        CycleReport next = loop.cycle(target, HostSource.assumed(IDLE), false);

        assertThat(next.docker().down()).containsExactly(Map.entry(dockerName("b"), DockerView.NOT_RUNNING));
        assertThat(next.notes()).anySatisfy(n -> assertThat(n).startsWith("container " + dockerName("b") + " is not running")
                .contains("antfleet apply"));
        assertThat(next.decisions().list()).extracting(Decision::container).doesNotContain(dockerName("b"));
        assertThat(next.ok()).isTrue();
        assertThat(next.swept()).as("only a's nodes are swept").isEqualTo(2);
        assertThat(operationsOn("b")).as("no antctl operation into b").isEqualTo(operationsOnB);
        assertThat(fixture.containerStatus(dockerName("b"))).isEqualTo("stopped");
        assertThat(statuses("b")).containsExactly(NodeStatus.STOPPED, NodeStatus.STOPPED);
        assertThat(statuses("a")).containsExactly(NodeStatus.RUNNING, NodeStatus.RUNNING);
        assertThat(DecisionRenderer.json(next)).contains("{\"container\":\"" + dockerName("b") + "\",\"docker\":\"not running\"}");
        assertThat(loop.cycle(target, HostSource.assumed(IDLE), false).decisions().list()).as("nor in the cycle after")
                .extracting(Decision::container).doesNotContain(dockerName("b"));

        Run apply = apply(yaml);

        assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
        assertThat(fixture.docker().inspect(dockerName("b")).orElseThrow().running()).isTrue();
        ExecResult status = fixture.docker().exec(dockerName("b"), List.of("antctl", "status", "--json"), "root", Map.of(),
                null, Duration.ofSeconds(60));
        JsonNode nodes = new ObjectMapper().readTree(status.stdout()).get("nodes");
        assertThat(nodes).hasSize(2).allSatisfy(n -> assertThat(n.get("status").asText()).isEqualTo("Running"));
        CycleReport after = cycleWithEveryNodeAnswering(loop, target);
        assertThat(after.docker().clean()).isTrue();
        assertThat(after.notes()).isEmpty();
        assertThat(after.ok()).isTrue();
        assertThat(after.decisions().actions()).containsExactly(Action.SURVEY);
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
