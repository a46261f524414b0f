package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.docker.FakeDockerGateway;
import io.antfleet.engine.MemoryStore;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.Container;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import io.antfleet.metrics.FleetMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteredNodeActionsTest {
    @Test
    void everyCallIsCountedByCommandAndAFailureCountsAsAnError() {
        MemoryStore store = new MemoryStore();
        FakeNodeActions fake = new FakeNodeActions(store, new FakeSweeper());
        FleetMetrics metrics = new FleetMetrics();
        MeteredNodeActions metered = new MeteredNodeActions(fake, metrics);
        Container c = RunFixtures.container(store, new FakeDockerGateway(), "t-alpha", 0);
        RunFixtures.node(store, c, 1, NodeStatus.STOPPED, "0.4.17");
        fake.failStarts.add("t-alpha");

        metered.stop(c, List.of(ServiceName.ofNumber(1)));
        assertThatThrownBy(() -> metered.start(c, List.of(ServiceName.ofNumber(1)))).isInstanceOf(AntfleetException.class);

        assertThat(metrics.render()).contains("antfleet_antctl_call_duration_seconds_count{command=\"stop\"} 1",
                "antfleet_antctl_call_errors_total{command=\"stop\"} 0",
                "antfleet_antctl_call_errors_total{command=\"start\"} 1");
    }
}
