package io.antfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.DockerGateways;
import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.docker.HostDirectory;
import io.antfleet.docker.UnknownEngineException;
import io.antfleet.fleet.spec.HostSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetEnginesTest {
    private final FakeDockerGateway local = new FakeDockerGateway();
    private final FakeDockerGateway remote = new FakeDockerGateway();
    private final FleetEngines engines = new FleetEngines(new DockerGateways() {
        @Override
        public DockerGateway forHost(String host) {
            return switch (host) {
                case HostSpec.LOCAL -> local;
                case "b" -> remote;
                default -> throw new UnknownEngineException("no engine for " + host);
            };
        }

        @Override
        public void declare(io.antfleet.fleet.Host host) {
        }

        @Override
        public String endpoint(String host) {
            return "tcp://192.0.2.1:2376";
        }
    }, HostDirectory.NONE);

    private static List<String> names(FleetEngines.Found found) {
        return found.containers().stream().map(c -> c.map(ContainerInfo::name).orElse("-")).toList();
    }

    @Test
    void plainNamesAreAskedInOneListPerEngineAndWhatMayBeAnIdIsInspected() {
        local.withContainer("c0ffee01", "alpha", Map.of()).withContainer("beef02", "beta", Map.of())
                .withContainer("id-g", "gamma", Map.of());

        FleetEngines.Found found = engines.find(List.of(HostSpec.LOCAL), List.of("alpha", "beef02", "gamma", "alph"));

        assertThat(names(found)).containsExactly("alpha", "beta", "gamma", "-");
        assertThat(local.lookups()).containsExactly("list [alpha, gamma, alph]", "inspect beef02");
        assertThat(found.unreachable()).isEmpty();
    }

    @Test
    void eachNameIsTakenFromTheFirstHostThatHasItAndOnlyTheMissingOnesAreAskedOfTheNext() {
        local.withContainer("a1", "alpha", Map.of());
        remote.withContainer("a2", "alpha", Map.of()).withContainer("b2", "beta", Map.of());

        FleetEngines.Found found = engines.find(List.of(HostSpec.LOCAL, "b"), List.of("alpha", "beta", "delta"));

        assertThat(found.containers()).extracting(c -> c.map(ContainerInfo::id).orElse("-"))
                .containsExactly("a1", "b2", "-");
        assertThat(remote.lookups()).containsExactly("list [beta, delta]");
    }

    @Test
    void anEngineThatDoesNotAnswerIsReportedAndTheOthersStillAnswer() {
        local.unreachable("connection refused");
        remote.withContainer("b2", "beta", Map.of());

        FleetEngines.Found found = engines.find(List.of(HostSpec.LOCAL, "b"), List.of("beta"));

        assertThat(found.containers()).containsExactly(Optional.of(remote.inspect("b2").orElseThrow()));
        assertThat(found.unreachable()).extracting(HostProblem::host).containsExactly(HostSpec.LOCAL);
    }

    @Test
    void aNameNamedTwiceIsFoundForBoth() {
        local.withContainer("a1", "alpha", Map.of());

        assertThat(names(engines.find(List.of(HostSpec.LOCAL), List.of("alpha", "alpha")))).containsExactly("alpha", "alpha");
        assertThat(local.lookups()).containsExactly("list [alpha]");
    }
}
