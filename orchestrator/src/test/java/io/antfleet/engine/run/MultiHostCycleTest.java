package io.antfleet.engine.run;

import io.antfleet.engine.MemoryDecisionLog;
import static io.antfleet.engine.run.RunFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.DirectWork;
import io.antfleet.engine.apply.MemoryLease;
import io.antfleet.engine.MemoryStore;
import io.antfleet.engine.apply.WalletPicker;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.decide.Action;
import io.antfleet.fleet.decide.DecisionEngine;
import io.antfleet.fleet.decide.HostSample;
import io.antfleet.fleet.spec.FleetSpec;
import io.antfleet.metrics.FleetMetrics;
import io.antfleet.probe.ProbeException;
import io.antfleet.probe.ProbeParser;
import io.antfleet.store.HostReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One cycle of a fleet on two hosts, over fakes: the local host decided on the sampler's figures, the remote one on
 * what its probe read there (or what the host source makes of it), each host's row in the history, one probe per
 * remote container, and a remote host whose probe fails surveyed alone while the local host carries on.
 */
class MultiHostCycleTest {
    private static final HostSample LOW = HostSample.idle().withCpu(5).withMem(10).withDisk(20).withLoad(0.1, 0.1, 0.1);
    private final MemoryStore store = new MemoryStore();
    private final FakeDockerGateway docker = new FakeDockerGateway();
    /** far's engine: the containers on far are listed here. */
    private final FakeDockerGateway farEngine = new FakeDockerGateway();
    private final FakeSweeper sweeper = new FakeSweeper();
    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final MemoryHistoryLog history = new MemoryHistoryLog();
    private final Map<String, Integer> probes = new ConcurrentHashMap<>();
    private volatile String farAnswer;
    private final ProbeObservation observation = new ProbeObservation((host, container, request) -> {
        probes.merge(container, 1, Integer::sum);
        if (farAnswer == null) {
            throw new ProbeException("container " + container + ": antfleet-probe did not run: Docker at unix:///run/far.sock is unreachable");
        }
        return new ProbeParser().parse(farAnswer);
    });
    private final MemoryDecisionLog decisions = new MemoryDecisionLog();
    private final DecisionExecutor executor = new DecisionExecutor(new ContainerDecisions(new FakeNodeActions(store, sweeper),
            store.nodes, new DirectWork(), new WalletPicker(Optional.empty(), Optional.empty(), n -> 0), sweeper, clock, d -> { },
            Duration.ofSeconds(30), Duration.ofSeconds(2)), 1, Duration.ofMinutes(1));
    private final RunLoop loop = new RunLoop(new RunObserver(store.containers, store.nodes, sweeper, host -> host.equals("far") ? farEngine : docker, clock, null,
            observation, ProbeRoute.REMOTE), new DecisionEngine(), executor, new RunState(new MemorySettings()), new MemoryLease(),
            new FleetMetrics("test-host"), names -> { }, decisions, new DirectWork(),
            new ReadingHistory(store.nodes, new MemorySettings(), history), new RunEvents(new FleetMetrics("test-host")),
            new FleetMutex(), clock);
    private final FleetSpec spec = new SpecLoader().parse("two-hosts.yaml", String.join("\n", "apiVersion: antfleet/v1",
            "fleet: t", "image: antfleet/agent:stand-in", "rewardsAddress: \"0x03B770D9cD32077cC0bF330c13C114a87643B124\"",
            "antnode: {version: 0.4.17}", "ports: {node: 46000, metrics: 47000, rpc: 48000, blockSize: 10}",
            "hosts:", "  - {name: far, docker: 'unix:///run/far.sock', autoscale: {nodeCap: 3}}",
            "containers:", "  - {name: alpha, nodes: {min: 0, max: 4}}", "  - {name: beta, host: far, nodes: {min: 0, max: 4}}",
            "autoscale: {nodeCap: 6, maxConcurrent: {starts: 2, upgrades: 1, removals: 1, operations: 4},"
                    + " delays: {start: 0s, upgrade: 0s, remove: 0s, restart: 0s}}", ""));
    private final RunTarget target = RunTarget.of(spec, 2);

    @AfterEach
    void close() {
        executor.close();
        observation.close();
    }

    private static String far(long busy, long idle, long memAvailableKb) {
        return "{\"probe\":1,\"time\":1,\"host\":{\"cpus\":2,\"load1\":0.1,\"load5\":0.1,\"load15\":0.1,\"memTotalKb\":1000,"
                + "\"memAvailableKb\":" + memAvailableKb + ",\"cpuBusyTicks\":" + busy + ",\"cpuIdleTicks\":" + idle
                + "},\"disk\":{\"totalBytes\":100,\"freeBytes\":90},\"nodes\":[],\"antnodes\":[]}";
    }

    /** The local host at LOW; every other host as its probes measured it (the default of {@link HostSource#remote}). */
    private static HostSource localLow() {
        return new HostSource() {
            @Override
            public HostSample sample() {
                return LOW;
            }

            @Override
            public Optional<Instant> bootTime() {
                return Optional.empty();
            }
        };
    }

    private CycleReport cycle(HostSource host) {
        return loop.cycle(target, host, false);
    }

    @Test
    void eachHostIsDecidedOnItsOwnFiguresAndRecordedUnderItsName() {
        Container alpha = RunFixtures.container(store, docker, "t-alpha", 0);
        Container beta = RunFixtures.container(store, farEngine, "far", "t-beta", 1);
        RunFixtures.node(store, beta, 1, NodeStatus.RUNNING, "0.4.17");
        farAnswer = far(900, 100, 100); // 90% busy since boot, 90% of memory in use

        CycleReport report = cycle(localLow());

        assertThat(probes).containsExactly(Map.entry("t-beta", 1));
        assertThat(sweeper.sweeps).as("alpha has no nodes yet: nothing to sweep locally").isEmpty();
        assertThat(report.hosts()).containsOnlyKeys("local", "far");
        assertThat(report.hosts().get("far").memPercent()).isEqualTo(90.0);
        assertThat(report.decisions().list()).anySatisfy(d -> {
            assertThat(d.action()).isEqualTo(Action.ADD);
            assertThat(d.container()).isEqualTo(alpha.name());
            assertThat(d.reason()).startsWith("host local: ");
        });
        assertThat(report.decisions().list()).anySatisfy(d -> {
            assertThat(d.action()).isEqualTo(Action.STOP);
            assertThat(d.container()).isEqualTo("t-beta");
            assertThat(d.reason()).startsWith("host far: ").contains("mem 90.0% > mem_remove");
        });
        assertThat(history.hostsLatest()).extracting(HostReading::host).containsExactly("far", "local");
        assertThat(history.hostsLatest()).filteredOn(h -> h.host().equals("far")).singleElement()
                .satisfies(h -> assertThat(h.memPercent()).isEqualTo(90.0));
    }

    @Test
    void theSpecsContainerIsTheOneOnItsHostNotAnotherEnginesContainerOfTheSameName() {
        RunFixtures.container(store, docker, "t-alpha", 0);
        // beta ran on the local engine before the spec moved it to far; without --prune its old container stays
        Container stale = RunFixtures.container(store, docker, "t-beta", 2);
        RunFixtures.node(store, stale, 1, NodeStatus.RUNNING, "0.4.17");
        Container beta = RunFixtures.container(store, farEngine, "far", "t-beta", 1);
        RunFixtures.node(store, beta, 1, NodeStatus.RUNNING, "0.4.17");
        farAnswer = far(900, 100, 100); // far under memory pressure: it stops a node

        CycleReport report = cycle(localLow());

        assertThat(report.decisions().list()).filteredOn(d -> d.action() == Action.STOP).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("host far: "));
        assertThat(store.nodes.findByContainer(beta.id())).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NodeStatus.STOPPED));
        assertThat(store.nodes.findByContainer(stale.id())).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NodeStatus.RUNNING));
        assertThat(decisions.recent(10)).filteredOn(d -> d.action().equals("STOP")).singleElement()
                .satisfies(d -> assertThat(d.containerId()).isEqualTo(beta.id()));
    }

    @Test
    void aRemoteHostWhoseEngineDoesNotAnswerIsCutFromTheCycleNamedAndItsRowsKeptWhileTheLocalHostGrows() {
        RunFixtures.container(store, docker, "t-alpha", 0);
        Container beta = RunFixtures.container(store, farEngine, "far", "t-beta", 1);
        RunFixtures.node(store, beta, 1, NodeStatus.RUNNING, "0.4.17");
        farEngine.unreachable("Docker at tcp://10.213.0.2:2376 (host far) does not answer: connection refused");
        farAnswer = far(1, 1, 900);

        CycleReport report = cycle(localLow());

        assertThat(probes).as("no probe where the engine does not answer").isEmpty();
        assertThat(report.docker().cut()).containsExactly("t-beta");
        assertThat(report.docker().clean()).isFalse();
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("host far unreachable: Docker at tcp://10.213.0.2:2376")
                .contains("the other hosts carry on"));
        assertThat(report.decisions().list()).filteredOn(d -> d.reason().startsWith("host far: ")).singleElement()
                .satisfies(d -> assertThat(d.action()).isEqualTo(Action.SURVEY));
        assertThat(report.decisions().list()).filteredOn(d -> d.reason().startsWith("host local: "))
                .extracting(d -> d.action()).containsExactly(Action.ADD);
        assertThat(store.containers.findByName("t-beta").orElseThrow().status()).isEqualTo("running");
        assertThat(store.nodes.findByContainer(beta.id())).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NodeStatus.RUNNING));
    }

    @Test
    void aRemoteHostWhoseProbeFailsIsOnlySurveyedAndNamedWhileTheLocalHostGrows() {
        RunFixtures.container(store, docker, "t-alpha", 0);
        Container beta = RunFixtures.container(store, farEngine, "far", "t-beta", 1);
        RunFixtures.node(store, beta, 1, NodeStatus.RUNNING, "0.4.17");
        farAnswer = null;

        CycleReport report = cycle(localLow());

        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("container t-beta on host far could not be probed"));
        assertThat(report.decisions().list()).filteredOn(d -> d.reason().startsWith("host far: ")).singleElement()
                .satisfies(d -> assertThat(d.action()).isEqualTo(Action.SURVEY));
        assertThat(report.decisions().list()).filteredOn(d -> d.reason().startsWith("host local: "))
                .extracting(d -> d.action()).containsExactly(Action.ADD);
        assertThat(store.nodes.findByContainer(beta.id())).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NodeStatus.RUNNING));
    }

    @Test
    void eachHostKeepsItsOwnTimersUnderANameTheMachineTableAccepts() {
        RunState state = new RunState(new MemorySettings());
        io.antfleet.fleet.decide.Timers farTimers = io.antfleet.fleet.decide.Timers.none()
                .with(io.antfleet.fleet.decide.Timers.Kind.REMOVE, T0);
        String odd = "Rack-7.far_host-with-a-very-long-name-0123456789";

        state.saveTimers("far", farTimers);
        state.saveTimers(odd, farTimers);

        assertThat(state.timers("far")).isEqualTo(farTimers);
        assertThat(state.timers(odd)).isEqualTo(farTimers);
        assertThat(state.timers("local")).isEqualTo(io.antfleet.fleet.decide.Timers.none());
        assertThat(state.timers("near")).isEqualTo(io.antfleet.fleet.decide.Timers.none());
        assertThat(RunState.timerKey(io.antfleet.fleet.decide.Timers.Kind.RESTART, odd)).matches("[a-z][a-z0-9_]{0,63}");
    }

    @Test
    void runHostNarrowsToOneHostsContainersAndAnUnknownHostIsAClearError() {
        assertThat(target.narrowedTo("far").spec().containers()).extracting(c -> c.name()).containsExactly("beta");
        assertThat(target.narrowedTo("local").spec().containers()).extracting(c -> c.name()).containsExactly("alpha");
        assertThatThrownBy(() -> target.narrowedTo("fra")).isInstanceOf(AntfleetException.class)
                .hasMessage("--host 'fra' is not a host in the spec; did you mean 'far'? (known: local, far)");
    }
}
