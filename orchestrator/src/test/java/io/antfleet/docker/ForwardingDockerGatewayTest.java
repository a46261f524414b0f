package io.antfleet.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ForwardingDockerGatewayTest {
    private final FakeDockerGateway engine = new FakeDockerGateway();
    private final List<String> hooked = new ArrayList<>();
    private final ForwardingDockerGateway gateway = new ForwardingDockerGateway(engine) {
        @Override
        protected <T> T forward(Supplier<T> call) {
            hooked.add("call");
            return call.get();
        }
    };

    @Test
    void everyCallReachesTheDelegateThroughTheOneHook() {
        engine.onExec("c1", call -> new ExecResult(0, "ran " + call.command(), ""));

        String id = gateway.createAndStart(new ContainerSpec("c1", "img", Map.of("k", "v"), null, null, null, null, null));
        gateway.stop(id, Duration.ofSeconds(1));
        gateway.start(id);
        assertThat(gateway.listByLabels(Map.of("k", "v"))).extracting(ContainerInfo::name).containsExactly("c1");
        assertThat(gateway.inspect("c1")).map(ContainerInfo::id).contains(id);
        assertThat(gateway.listByNames(List.of("c1", "c2"))).extracting(ContainerInfo::id).containsExactly(id);
        assertThat(gateway.exec("c1", List.of("true"), null, Map.of(), null, Duration.ofSeconds(1)).stdout())
                .isEqualTo("ran [true]");
        gateway.remove(id, true);

        assertThat(engine.inspect(id)).isEmpty();
        assertThat(engine.execs()).extracting(FakeDockerGateway.ExecCall::command).containsExactly(List.of("true"));
        assertThat(hooked).hasSize(8);
    }
}
