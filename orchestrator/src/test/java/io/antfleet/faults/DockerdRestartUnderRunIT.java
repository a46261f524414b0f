package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.docker.DockerSettings;
import io.antfleet.docker.StandInContainers;
import io.antfleet.engine.apply.ApplyReport;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.run.CycleReport;
import io.antfleet.engine.run.HostSource;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunTarget;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7: "dockerd restarted under a running {@code run}: antfleet reconnects and carries on". The shared
 * daemon is never touched: the test starts a {@link PrivateDockerd} ({@code --live-restore}, as production
 * hosts should run it), loads the stand-in image into it, applies one container there (fleet
 * {@code rundocker-restart-*}, ports 53150–53159, metrics +100, rpc +200), runs the loop on a thread, and
 * restarts that daemon under it (SIGTERM, wait for its exit, start again with the same flags).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DockerdRestartUnderRunIT {
    private static final HostSample IDLE = HostSample.idle().withCpu(5).withMem(10).withDisk(20).withLoad(0.1, 0.1, 0.1);
    /** Between cpu_less_than and cpu_remove: the loop holds, so nothing is added until the test lets it. */
    private static final HostSample HOLD = IDLE.withCpu(60);

    private static PrivateDockerd dockerd;
    private static RunFixture fixture;

    @BeforeAll
    static void privateDaemon() {
        dockerd = PrivateDockerd.start();
        Duration loaded = dockerd.load(StandInContainers.IMAGE);
        System.out.println("DockerdRestartUnderRunIT: private dockerd at " + dockerd.host() + ", image loaded in "
                + loaded.toMillis() + " ms");
        DockerSettings defaults = DockerSettings.defaults();
        fixture = new RunFixture("restart", new DockerSettings(dockerd.host(), defaults.apiVersion(),
                defaults.connectTimeout(), defaults.responseTimeout(), defaults.maxConnections()));
    }

    @AfterAll
    static void tearDown() {
        try {
            if (fixture != null) {
                fixture.close();
            }
        } finally {
            if (dockerd != null) {
                dockerd.close();
            }
        }
    }

    private static String startedAt(String container) {
        return dockerd.cli(Duration.ofSeconds(30), "inspect", "-f", "{{.State.StartedAt}}", container).out().trim();
    }

    /** Waits for a report after {@code from} that satisfies {@code wanted}. */
    private static CycleReport awaitReport(List<CycleReport> reports, int from, String what, Duration bound,
            Predicate<CycleReport> wanted) {
        AtomicReference<CycleReport> found = new AtomicReference<>();
        Awaitility.await(what).atMost(bound).pollInterval(Duration.ofMillis(200)).until(() -> {
            Optional<CycleReport> r = reports.subList(from, reports.size()).stream().filter(wanted).findFirst();
            r.ifPresent(found::set);
            return r.isPresent();
        });
        return found.get();
    }

    @Test
    void theRunLoopReportsDockerUnreachableDuringARestartWithoutExitingThenCarriesOnAndActsThroughDockerAgain()
            throws Exception {
        String yaml = fixture.specYaml(53150, "[{name: a, nodes: {min: 1, max: 2}}]", "{nodeCap: 2, maxConcurrent: "
                + "{starts: 1, upgrades: 1, removals: 1, operations: 2}, delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 5m}}");
        FleetSpec spec = fixture.spec(yaml);
        ApplyReport applied = fixture.injector.getInstance(ApplyService.class).apply(spec, false);
        assertThat(applied.ok()).as(applied.toString()).isTrue();
        String container = fixture.fleet + "-a";
        String started = startedAt(container);
        AtomicReference<HostSample> host = new AtomicReference<>(HOLD);
        HostSource switchable = new HostSource() {
            @Override
            public HostSample sample() {
                return host.get();
            }

            @Override
            public Optional<Instant> bootTime() {
                return Optional.empty();
            }
        };
        RunLoop loop = fixture.injector.getInstance(RunLoop.class);
        List<CycleReport> reports = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                loop.run(RunTarget.of(spec, 2), switchable, Duration.ofMillis(500), false, reports::add);
            } catch (Throwable t) {
                died.set(t);
            }
        }, "rundocker-run-loop");
        run.start();
        try {
            CycleReport clean = awaitReport(reports, 0, "a clean cycle with the node answering", Duration.ofSeconds(60),
                    r -> r.docker().clean() && r.answering() == 1);
            assertThat(clean.decisions().actions()).containsExactly(Action.SURVEY);

            Duration stopping = dockerd.stop();
            int outageFrom = reports.size();
            CycleReport blind = awaitReport(reports, outageFrom, "a cycle reporting docker unreachable", Duration.ofSeconds(30),
                    r -> r.docker().unreachable().isPresent());
            CycleReport blindAgain = awaitReport(reports, reports.indexOf(blind) + 1, "a second cycle during the outage",
                    Duration.ofSeconds(30), r -> true);

            assertThat(run.isAlive()).as("the run goes on: %s", died.get()).isTrue();
            assertThat(blind.notes()).anySatisfy(n -> assertThat(n).startsWith("docker unreachable: "));
            assertThat(blind.decisions().actions()).containsExactly(Action.SURVEY);
            assertThat(blind.answering()).as("live-restore keeps the node answering its metrics").isEqualTo(1);
            assertThat(blindAgain.docker().unreachable()).isPresent();
            assertThat(blind.took()).as("no Docker call waits out the outage").isLessThan(Duration.ofSeconds(10));

            long t0 = System.nanoTime();
            dockerd.startAgain();
            Duration restarting = Duration.ofNanos(System.nanoTime() - t0);
            int backFrom = reports.size();
            CycleReport back = awaitReport(reports, backFrom, "a clean cycle after the restart", Duration.ofSeconds(60),
                    r -> r.docker().clean());
            int unreachableAfterRestart = (int) reports.subList(backFrom, reports.indexOf(back)).stream()
                    .filter(r -> r.docker().unreachable().isPresent()).count();

            assertThat(back.notes()).isEmpty();
            assertThat(back.answering()).isEqualTo(1);
            assertThat(startedAt(container)).as("the container was never restarted").isEqualTo(started);
            assertThat(fixture.nodes()).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(NodeStatus.RUNNING));

            int growFrom = reports.size();
            host.set(IDLE);
            CycleReport grew = awaitReport(reports, growFrom, "a cycle adding a node through docker exec",
                    Duration.ofSeconds(60), r -> r.decisions().actions().contains(Action.ADD));

            assertThat(grew.ok()).as(grew.execution().toString()).isTrue();
            awaitReport(reports, reports.indexOf(grew) + 1, "both nodes answering", Duration.ofSeconds(60),
                    r -> r.answering() == 2);
            assertThat(fixture.nodes()).hasSize(2).allSatisfy(n -> assertThat(n.status()).isEqualTo(NodeStatus.RUNNING));
            assertThat(run.isAlive()).as("the run goes on: %s", died.get()).isTrue();
            System.out.println("DockerdRestartUnderRunIT: dockerd stopped in " + stopping.toMillis() + " ms, "
                    + (backFrom - outageFrom) + " cycles during the outage (took " + reports.subList(outageFrom, backFrom)
                    .stream().map(r -> r.took().toMillis() + " ms").toList() + "), answering again "
                    + restarting.toMillis() + " ms after the start, " + unreachableAfterRestart
                    + " cycles still unreachable after it; first error: " + blind.docker().unreachable().orElse(""));
        } finally {
            loop.stop();
            run.join(TimeUnit.MINUTES.toMillis(2));
        }
    }
}
