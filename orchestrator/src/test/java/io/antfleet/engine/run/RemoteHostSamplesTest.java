package io.antfleet.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.antfleet.fleet.decide.HostSample;
import io.antfleet.probe.ProbeHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteHostSamplesTest {
    private final RemoteHostSamples samples = new RemoteHostSamples();

    private static ProbeHost host(long busy, long idle, long total, long free) {
        return new ProbeHost(2, 1.5, 1.0, 0.5, 1000L, 250L, busy, idle, total, free);
    }

    @Test
    void cpuIsTheBusyShareSinceTheHostsPreviousReadingAndDiskTheFullestVolume() {
        HostSample first = samples.of("far", List.of(host(100, 300, 100, 90))).orElseThrow();
        HostSample second = samples.of("far", List.of(host(190, 310, 100, 90), host(190, 310, 100, 40))).orElseThrow();

        assertThat(first.cpuPercent()).as("since boot").isCloseTo(25.0, within(0.01));
        assertThat(second.cpuPercent()).isCloseTo(90.0, within(0.01));
        assertThat(second.memPercent()).isCloseTo(75.0, within(0.01));
        assertThat(second.diskPercent()).isCloseTo(60.0, within(0.01));
        assertThat(second.load1()).isEqualTo(1.5);
        assertThat(samples.of("near", List.of(host(10, 30, 1, 1))).orElseThrow().cpuPercent()).as("hosts apart")
                .isCloseTo(25.0, within(0.01));
    }

    @Test
    void aHostWithoutCpuOrMemoryFiguresHasNoSample() {
        assertThat(samples.of("far", List.of())).isEmpty();
        assertThat(samples.of("far", List.of(new ProbeHost(2, null, null, null, null, null, null, null, null, null)))).isEmpty();
    }
}
