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
import java.util.stream.Collectors;
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
        return found.containers().stream().map(c -> c.isEmpty() ? "-"
                : c.stream().map(i -> i.host() + "/" + i.name()).collect(Collectors.joining(" "))).toList();
    }

    @Test
    void plainNamesAreAskedInOneListPerEngineAndWhatMayBeAnIdIsInspected() {
        local.withContainer("c0ffee01", "alpha", Map.of()).withContainer("beef02", "beta", Map.of())
                .withContainer("id-g", "gamma", Map.of());

        FleetEngines.Found found = engines.find(List.of(HostSpec.LOCAL), List.of("alpha", "beef02", "gamma", "alph"));

        assertThat(names(found)).containsExactly("local/alpha", "local/beta", "local/gamma", "-");
        assertThat(local.lookups()).containsExactly("list [alpha, gamma, alph]", "inspect beef02");
        assertThat(found.unreachable()).isEmpty();
    }

    @Test
    void everyHostIsAskedOnceForAllTheNamesAndANameTwoHostsHaveIsFoundOnBothLocalFirst() {
        local.withContainer("a1", "alpha", Map.of());
        remote.withContainer("a2", "alpha", Map.of()).withContainer("b2", "beta", Map.of());

        FleetEngines.Found found = engines.find(List.of(HostSpec.LOCAL, "b"), List.of("alpha", "beta", "delta"));

        assertThat(found.containers()).extracting(c -> c.stream().map(ContainerInfo::id).toList())
                .containsExactly(List.of("a1", "a2"), List.of("b2"), List.of());
        assertThat(local.lookups()).containsExactly("list [alpha, beta, delta]");
        assertThat(remote.lookups()).containsExactly("list [alpha, beta, delta]");
    }

    @Test
    void anEngineThatDoesNotAnswerIsReportedAndTheOthersStillAnswer() {
        local.unreachable("connection refused");
        remote.withContainer("b2", "beta", Map.of());

        FleetEngines.Found found = engines.find(List.of(HostSpec.LOCAL, "b"), List.of("beta"));

        assertThat(found.containers()).containsExactly(List.of(remote.inspect("b2").orElseThrow()));
        assertThat(found.unreachable()).extracting(HostProblem::host).containsExactly(HostSpec.LOCAL);
    }

    @Test
    void aNameNamedTwiceIsFoundForBoth() {
        local.withContainer("a1", "alpha", Map.of());

        assertThat(names(engines.find(List.of(HostSpec.LOCAL), List.of("alpha", "alpha")))).containsExactly("local/alpha", "local/alpha");
        assertThat(local.lookups()).containsExactly("list [alpha]");
    }
}
