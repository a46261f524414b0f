package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.settings.Settings;
import io.antfleet.config.settings.SettingsResolver;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.apply.ApplyService;
import io.antfleet.engine.apply.FakeFleet;
import io.antfleet.engine.run.FleetAdoption;
import io.antfleet.engine.run.RunEvents;
import io.antfleet.engine.run.RunLoop;
import io.antfleet.engine.run.RunParts;
import io.antfleet.engine.run.RunState;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.metrics.HostSampleJson;
import io.antfleet.store.DatabaseLease;
import io.antfleet.store.LeaseHolder;
import io.antfleet.store.MachineSettings;
import io.antfleet.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    static final String SPEC = String.join("\n",
            "apiVersion: antfleet/v1", "fleet: home", "image: antfleet/agent:stand-in", "processManager: antctl+sudo",
            "rewardsAddress: '0x03B770D9cD32077cC0bF330c13C114a87643B124'", "antnode: {version: 0.4.17}",
            "containers:", "  - name: alpha", "    nodes: {min: 1, max: 5}",
            "autoscale: {nodeCap: 5, maxConcurrent: {starts: 2, upgrades: 1, removals: 1, operations: 2}}", "");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeFleet fleet = new FakeFleet();
    private final MachineSettings settings = RunParts.settings();
    private volatile boolean databaseDown;
    private final RunEvents events = new RunEvents(new FleetMetrics("test-host"));

    private int run(String... args) {
        ApplyService service = fleet.service();
        io.antfleet.antctl.AntctlManagerFactory managers = new io.antfleet.antctl.AntctlManagerFactory(fleet.docker,
                io.antfleet.antctl.AntctlSettings.defaults(), port -> io.antfleet.antctl.LivenessProbe.ProbeResult.dead("not probed"));
        FleetAdoption adoption = new FleetAdoption(fleet.docker, new io.antfleet.engine.ImportService(fleet.engines(), managers,
                fleet.store.containers, fleet.store.nodes, fleet.store.journal, new io.antfleet.engine.DirectWork(), fleet.store.versions(), Clock.systemUTC()), fleet.store.containers);
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC);
        RunLoop loop = RunParts.loop(fleet.store, fleet.docker, settings, leaseUnlessDown(), clock, events);
        java.util.function.Function<GlobalOptions, List<Module>> modules = options -> List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
                bind(ApplyService.class).toInstance(service);
                bind(RunLoop.class).toInstance(loop);
                bind(RunState.class).toInstance(new RunState(settings));
                bind(HostSampleJson.class).toInstance(new HostSampleJson());
                bind(FleetAdoption.class).toInstance(adoption);
                bind(io.antfleet.fleet.plan.FleetPlanner.class).toInstance(new io.antfleet.fleet.plan.FleetPlanner());
                bind(RunEvents.class).toInstance(events);
                bind(Clock.class).toInstance(clock);
                bind(Settings.class).toInstance(new SettingsResolver().resolve(Map.of(), Map.of(), Optional.empty(), Map.of()));
                bind(SpecLoader.class).toInstance(new SpecLoader());
            }
        });
        return Main.run(modules, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    /** The fleet's lease, behind a database that a test can take away after run has taken the lease. */
    private DatabaseLease leaseUnlessDown() {
        return new DatabaseLease() {
            @Override
            public boolean tryAcquire(String holder, Duration ttl) {
                return fleet.lease.tryAcquire(holder, ttl);
            }

            @Override
            public boolean renew(String holder, Duration ttl) {
                if (databaseDown) {
                    throw new StoreException("database error on jdbc:mariadb://db.example:3306/antfleet: Socket fail to connect");
                }
                return fleet.lease.renew(holder, ttl);
            }

            @Override
            public void release(String holder) {
                fleet.lease.release(holder);
            }

            @Override
            public Optional<LeaseHolder> current() {
                return fleet.lease.current();
            }
        };
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runOnceAppliesTheSpecThenGrowsWithinTheStartLimitAndRemembersTheSpec() throws IOException {
        fleet.antctl("home-alpha");
        Path spec = file("fleet.yaml", SPEC);
        Path idle = file("idle.json", "{\"cpu\": 5, \"mem\": 10, \"disk\": 20, \"load1\": 0.1, \"load5\": 0.1, \"load15\": 0.1}");

        int code = run("run", spec.toString(), "--once", "--assume-host", idle.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("ADD home-alpha +2: host has room");
        assertThat(new RunState(settings).specPath()).contains(spec.toAbsolutePath().normalize());
        out.reset();

        assertThat(run("run", "--once", "--dry-run", "--assume-host", idle.toString())).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).as("the stored spec is used, and the cooldown the first run started holds")
                .contains("(dry run: nothing carried out)", "delay_start runs until 2026-11-27T01:05:00Z");
    }

    @Test
    void aDryRunInJsonPrintsOneObjectPerDecisionWithItsReason() throws IOException {
        fleet.antctl("home-alpha");
        Path spec = file("fleet.yaml", SPEC);
        Path busy = file("busy.json", "{\"cpu\": 5, \"mem\": 90, \"disk\": 20}");
        assertThat(run("run", spec.toString(), "--once", "--assume-host", busy.toString())).isEqualTo(ExitCodes.OK);
        out.reset();

        int code = run("--output", "json", "run", spec.toString(), "--once", "--dry-run", "--assume-host", busy.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        String[] lines = stdout().trim().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode d = new ObjectMapper().readTree(lines[0]);
        assertThat(d.get("action").asText()).isEqualTo("SURVEY");
        assertThat(d.get("reason").asText()).contains("mem 90.0% > mem_remove 75%");
        assertThat(d.has("container")).isTrue();
        assertThat(d.get("services").isArray()).isTrue();
    }

    @Test
    void aContainerDownIsALineOfItsOwnInJsonAndANoteNamingApplyForPeople() throws IOException {
        fleet.antctl("home-alpha");
        Path spec = file("fleet.yaml", SPEC);
        Path idle = file("idle.json", "{\"cpu\": 5, \"mem\": 10, \"disk\": 20}");
        assertThat(run("run", spec.toString(), "--once", "--assume-host", idle.toString())).isEqualTo(ExitCodes.OK);
        fleet.docker.kill("home-alpha");
        out.reset();

        assertThat(run("--output", "json", "run", "--once", "--dry-run", "--assume-host", idle.toString())).isEqualTo(ExitCodes.OK);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout().trim().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("container").asText()).isEqualTo("home-alpha");
            assertThat(l.path("docker").asText()).isEqualTo("not running");
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.path("note").asText())
                .startsWith("container home-alpha is not running").contains("antfleet apply"));
        out.reset();

        assertThat(run("run", "--once", "--dry-run", "--assume-host", idle.toString())).isEqualTo(ExitCodes.OK);
        assertThat(stdout()).contains("SURVEY fleet: no container can be acted on", "note: container home-alpha is not running");
    }

    @Test
    void theSpecsWebhookIsToldOfAContainerDownEvenByASingleCycle() throws IOException {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 4);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            fleet.antctl("home-alpha");
            Path spec = file("fleet.yaml", SPEC + "notify: {webhooks: [{url: 'http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook', events: [container-down]}]}\n");
            Path idle = file("idle.json", "{\"cpu\": 5, \"mem\": 10, \"disk\": 20}");
            assertThat(run("run", spec.toString(), "--once", "--assume-host", idle.toString())).isEqualTo(ExitCodes.OK);
            assertThat(received).as("nothing to tell while the container runs").isEmpty();
            fleet.docker.kill("home-alpha");

            assertThat(run("run", "--once", "--assume-host", idle.toString())).as(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo(ExitCodes.OK);

            // run --once returns after its notifier delivered what was due
            assertThat(received).singleElement().satisfies(body -> {
                JsonNode event = new ObjectMapper().readTree(body);
                assertThat(event.get("event").asText()).isEqualTo("container-down");
                assertThat(event.get("subject").asText()).isEqualTo("home-alpha");
                assertThat(event.get("message").asText()).isEqualTo("container home-alpha is not running");
            });
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void withoutAFileAndWithoutAnEarlierRunItSaysWhatIsMissing() {
        assertThat(run("run", "--once", "--dry-run")).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no FILE given");
    }

    @Test
    void anotherHolderOfTheLeaseGivesExitCode3() throws IOException {
        fleet.lease.tryAcquire("someone else", Duration.ofMinutes(5));

        int code = run("run", file("fleet.yaml", SPEC).toString(), "--once");

        assertThat(code).isEqualTo(ExitCodes.LEASE_HELD);
    }

    @Test
    void aBadIntervalIsAUsageError() throws IOException {
        assertThat(run("run", file("fleet.yaml", SPEC).toString(), "--interval", "soon")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aCycleTheDatabaseFailsIsOneErrorLineOnStderrAndRunOnceExits1() throws IOException {
        fleet.antctl("home-alpha");
        Path spec = file("fleet.yaml", SPEC);
        Path idle = file("idle.json", "{\"cpu\": 5, \"mem\": 10, \"disk\": 20}");
        databaseDown = true;

        int code = run("run", spec.toString(), "--once", "--assume-host", idle.toString());

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsOnlyOnce("antfleet: cycle ")
                .contains("antfleet: cycle 2026-11-27T01:00:00Z failed: database error on jdbc:mariadb://db.example:3306/antfleet:")
                .doesNotContain("retrying");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void inJsonAFailedCycleIsOneObjectWithItsErrorInTheCycleStream() throws IOException {
        fleet.antctl("home-alpha");
        Path spec = file("fleet.yaml", SPEC);
        Path idle = file("idle.json", "{\"cpu\": 5, \"mem\": 10, \"disk\": 20}");
        databaseDown = true;

        int code = run("--output", "json", "run", spec.toString(), "--once", "--assume-host", idle.toString());

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        JsonNode failure = new ObjectMapper().readTree(stdout().trim());
        assertThat(failure.get("cycle").asText()).isEqualTo("2026-11-27T01:00:00Z");
        assertThat(failure.get("error").asText()).startsWith("database error on jdbc:mariadb://db.example:3306/antfleet");
        assertThat(failure.get("retryInMillis").asLong()).isZero();
    }
}
