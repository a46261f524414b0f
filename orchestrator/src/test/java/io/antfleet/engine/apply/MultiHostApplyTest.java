package io.antfleet.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.antctl.FakeAntctl;
import io.antfleet.config.spec.SpecLoader;
import io.antfleet.engine.UnknownHostNameException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.spec.FleetSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** apply across the local engine and two other hosts' engines (fakes), each through its own gateway. */
class MultiHostApplyTest {
    private static final String WALLET = "0x03B770D9cD32077cC0bF330c13C114a87643B124";
    private static final Map<String, String> FLEET = Map.of("antfleet.fleet", "home");

    private final FakeFleet fleet = new FakeFleet();
    private final FakeAntctl alpha = fleet.antctl("home-alpha");
    private final FakeAntctl beta = fleet.antctl("far", "home-beta");
    private final FakeAntctl gamma = fleet.antctl("near", "home-gamma");
    private final ApplyService service = fleet.service();

    /** alpha local, beta on far (its own port plan), gamma on near (the fleet's plan, as the local engine). */
    private static FleetSpec spec(int betaNodes) {
        return new SpecLoader().parse("f.yaml", String.join("\n", "apiVersion: antfleet/v1", "fleet: home",
                "image: antfleet/agent:stand-in", "processManager: antctl+sudo", "rewardsAddress: '" + WALLET + "'",
                "ports: {node: 55000, metrics: 13000, rpc: 30000, blockSize: 10}",
                "hosts:", "  - {name: far, docker: 'unix:///run/far.sock', ports: {node: 31000, metrics: 30500, rpc: 30200, blockSize: 10}}",
                "  - {name: near, docker: 'unix:///run/near.sock'}",
                "containers:", "  - {name: alpha, nodes: 2}", "  - {name: beta, host: far, nodes: " + betaNodes + "}",
                "  - {name: gamma, host: near, nodes: 2}", ""));
    }

    private Container row(String host, String name) {
        return fleet.store.containers.findByName(host, name).orElseThrow();
    }

    @Test
    void eachContainerIsCreatedOnItsHostsEngineAndRecordedWithItsHost() {
        ApplyReport report = service.apply(spec(2), false);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(fleet.docker.listByLabels(FLEET)).extracting(i -> i.labels().get("antfleet.container")).containsExactly("alpha");
        assertThat(fleet.remote("far").listByLabels(FLEET)).extracting(i -> i.labels().get("antfleet.container")).containsExactly("beta");
        assertThat(fleet.remote("near").listByLabels(FLEET)).extracting(i -> i.labels().get("antfleet.container")).containsExactly("gamma");
        assertThat(alpha.registry()).hasSize(2);
        assertThat(beta.registry()).hasSize(2);
        assertThat(gamma.registry()).hasSize(2);
        assertThat(row("local", "home-alpha").host()).isEqualTo("local");
        assertThat(row("far", "home-beta").host()).isEqualTo("far");
        assertThat(report.hosts()).containsEntry("beta", "far").containsEntry("gamma", "near");
    }

    @Test
    void portBlocksArePlannedPerHostFromTheHostsOwnPortsSoHostsMayReuseTheSameNumbers() {
        service.apply(spec(2), false);

        assertThat(row("local", "home-alpha").ports().node().first()).isEqualTo(55000);
        assertThat(row("near", "home-gamma").ports()).isEqualTo(row("local", "home-alpha").ports());
        assertThat(row("far", "home-beta").ports().node().first()).isEqualTo(31000);
        assertThat(row("far", "home-beta").ports().metrics().first()).isEqualTo(30500);
    }

    @Test
    void aSecondApplyPlansNothingOnAnyHostAndScalingChangesOnlyTheHostThatChanged() {
        service.apply(spec(2), false);

        assertThat(service.apply(spec(2), false).plan().isEmpty()).isTrue();
        ApplyReport scaled = service.apply(spec(3), false);

        assertThat(scaled.ok()).as(scaled.toString()).isTrue();
        assertThat(scaled.plan().actions()).extracting(a -> a.container()).containsOnly("beta");
        assertThat(beta.registry()).hasSize(3);
    }

    @Test
    void anEngineThatDoesNotAnswerIsReportedForItsHostWhileTheOthersConverge() {
        fleet.remote("near").unreachable("connection refused");

        ApplyReport report = service.apply(spec(2), false);

        assertThat(report.ok()).isFalse();
        assertThat(report.unreachable()).singleElement().satisfies(p -> {
            assertThat(p.host()).isEqualTo("near");
            assertThat(p.message()).contains("host near (Docker at unix:///run/near.sock)").contains("connection refused");
        });
        assertThat(report.containers()).allSatisfy(c -> assertThat(c.error()).isEmpty());
        assertThat(alpha.registry()).hasSize(2);
        assertThat(beta.registry()).hasSize(2);
        assertThat(gamma.registry()).isEmpty();

        fleet.remote("near").unreachable(null);
        ApplyReport after = service.apply(spec(2), false);
        assertThat(after.ok()).as(after.toString()).isTrue();
        assertThat(after.plan().actions()).extracting(a -> a.container()).containsOnly("gamma");
    }

    @Test
    void hostNarrowsTheApplyToThatHostsContainers() {
        ApplyReport report = service.apply(spec(2), false, ApplyProgress.NONE, Optional.of("far"));

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.plan().actions()).extracting(a -> a.container()).containsOnly("beta");
        assertThat(alpha.registry()).isEmpty();
        assertThat(gamma.registry()).isEmpty();
        assertThat(fleet.docker.listByLabels(FLEET)).isEmpty();
    }

    @Test
    void anUnknownHostIsRefusedWithTheClosestNameBeforeAnythingIsTouched() {
        String before = fleet.store.snapshot();

        assertThatThrownBy(() -> service.apply(spec(2), false, ApplyProgress.NONE, Optional.of("fra")))
                .isInstanceOf(UnknownHostNameException.class).hasMessageContaining("did you mean 'far'?")
                .hasMessageContaining("known: local, far, near");
        assertThat(fleet.store.snapshot()).isEqualTo(before);
        assertThat(fleet.docker.execs()).isEmpty();
    }

    @Test
    void aDryRunPlansEveryHostWithoutRecordingItsHosts() {
        HostPlans plans = service.plan(spec(2), false, Optional.empty());

        assertThat(plans.plans()).extracting(HostPlans.HostPlan::host).containsExactly("local", "far", "near");
        assertThat(plans.hosts()).containsEntry("alpha", "local").containsEntry("beta", "far").containsEntry("gamma", "near");
        assertThat(fleet.store.hosts.findByName("far")).isEmpty();
        assertThat(List.of(alpha, beta, gamma)).allSatisfy(a -> assertThat(a.registry()).isEmpty());
    }

    @Test
    void theCombinedPlanKeepsEveryHostsNotes() {
        FleetSpec s = spec(2);
        io.antfleet.fleet.plan.ObservedFleet none = new io.antfleet.fleet.plan.ObservedFleet(List.of());
        HostPlans plans = new HostPlans(List.of(
                new HostPlans.HostPlan("local", s, none, new io.antfleet.fleet.plan.Plan(List.of(), List.of(),
                        List.of("alpha/antnode1 runs 0.4.18, ahead of the spec's antnode 0.4.17: kept"))),
                new HostPlans.HostPlan("far", s, none, new io.antfleet.fleet.plan.Plan(List.of(), List.of(),
                        List.of("beta/antnode2 runs 0.4.18, ahead of the spec's antnode 0.4.17: kept")))), List.of());

        assertThat(plans.combined().notes()).containsExactly(
                "alpha/antnode1 runs 0.4.18, ahead of the spec's antnode 0.4.17: kept",
                "beta/antnode2 runs 0.4.18, ahead of the spec's antnode 0.4.17: kept");
    }
}
