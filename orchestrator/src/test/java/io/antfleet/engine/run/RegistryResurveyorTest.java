package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.antctl.AntctlSettings;
import io.antfleet.antctl.FakeAntctl;
import io.antfleet.antctl.LivenessProbe;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.docker.HostGateways;
import io.antfleet.engine.FleetEngines;
import io.antfleet.engine.ImportService;
import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.Host;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryResurveyorTest {
    private final FakeDockerGateway docker = new FakeDockerGateway();
    private final MemoryStore store = new MemoryStore();
    private final ImportService imports = new ImportService(io.antfleet.engine.FleetEngines.local(docker), new AntctlManagerFactory(docker,
            AntctlSettings.defaults(), port -> LivenessProbe.ProbeResult.dead("not probed")), store.containers, store.nodes,
            store.journal, new io.antfleet.engine.DirectWork(), store.versions(), Clock.systemUTC());
    private final RegistryResurveyor resurveyor = new RegistryResurveyor(imports, store.journal);

    @Test
    void entriesADatabaseOutageLeftPendingAreClosedOnceTheirContainerIsReadAgain() {
        docker.withContainer("id-a", "alpha", Map.of("antfleet.fleet", "f")).onExec("id-a", new FakeAntctl("alpha").execHandler());
        docker.withContainer("id-b", "beta", Map.of("antfleet.fleet", "f")).onExec("id-b", new FakeAntctl("beta").execHandler());
        imports.importContainers(List.of("alpha", "beta"), java.util.Optional.empty());
        long alpha = store.containers.findByName("alpha").orElseThrow().id();
        long beta = store.containers.findByName("beta").orElseThrow().id();
        Operation add = store.journal.begin("add", alpha, List.of());
        Operation hostWide = store.journal.begin("create-container", null, List.of());
        Operation onBeta = store.journal.begin("start", beta, List.of("antnode1"));
        docker.kill("id-b");

        resurveyor.resurvey(Map.of("local", List.of("alpha", "beta")));

        assertThat(store.journal.find(add.id()).orElseThrow()).satisfies(o -> {
            assertThat(o.state()).isEqualTo(OperationState.FAILED);
            assertThat(o.error()).isEqualTo(RegistryResurveyor.CLOSED);
        });
        assertThat(store.journal.find(hostWide.id()).orElseThrow().state()).as("no container read again").isEqualTo(OperationState.PENDING);
        assertThat(store.journal.find(onBeta.id()).orElseThrow().state()).as("beta is down: not read again")
                .isEqualTo(OperationState.PENDING);
        assertThat(store.journal.pending()).extracting(Operation::id).containsExactly(hostWide.id(), onBeta.id());
    }

    @Test
    void aContainerIsReadAgainOnItsOwnHostNotOnAnotherEngineWithAContainerOfTheSameName() {
        FakeDockerGateway far = new FakeDockerGateway();
        MemoryStore two = new MemoryStore();
        two.hosts.record(new Host(null, "far", Optional.of(URI.create("unix:///run/far.sock")), Optional.empty()));
        HostGateways gateways = new HostGateways(docker, "unix:///fake/docker.sock", two.hosts::findAll, h -> far);
        ImportService both = new ImportService(new FleetEngines(gateways, two.hosts::findAll), new AntctlManagerFactory(gateways,
                AntctlSettings.defaults(), port -> LivenessProbe.ProbeResult.dead("not probed")), two.containers, two.nodes,
                two.journal, new io.antfleet.engine.DirectWork(), two.versions(), Clock.systemUTC());
        docker.withContainer("id-l", "alpha", Map.of("antfleet.fleet", "f")).onExec("id-l", new FakeAntctl("local alpha").execHandler());
        far.withContainer("id-f", "alpha", Map.of("antfleet.fleet", "f")).onExec("id-f", new FakeAntctl("far alpha").execHandler());
        both.importContainers(List.of("alpha"), Optional.empty(), Optional.of("local"));
        both.importContainers(List.of("alpha"), Optional.empty(), Optional.of("far"));
        Operation onLocal = two.journal.begin("start", two.containers.findByName("local", "alpha").orElseThrow().id(), List.of());
        Operation onFar = two.journal.begin("start", two.containers.findByName("far", "alpha").orElseThrow().id(), List.of());

        new RegistryResurveyor(both, two.journal).resurvey(Map.of("far", List.of("alpha")));

        assertThat(two.journal.find(onFar.id()).orElseThrow().state()).isEqualTo(OperationState.FAILED);
        assertThat(two.journal.find(onLocal.id()).orElseThrow().state()).as("the local alpha was not read again")
                .isEqualTo(OperationState.PENDING);
    }
}
