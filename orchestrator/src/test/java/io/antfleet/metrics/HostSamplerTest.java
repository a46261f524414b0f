package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.antfleet.TestClock;
import io.antfleet.fleet.decide.HostSample;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostSamplerTest {
    private static final Instant BOOT = Instant.parse("2026-11-27T00:00:00Z");

    /** Hands out scripted readings in order. */
    private static final class ScriptedCounters implements HostCounters {
        final Deque<Raw> readings = new ArrayDeque<>();
        List<Path> askedFor;

        @Override
        public Raw read(List<Path> dataPaths) {
            askedFor = dataPaths;
            return readings.removeFirst();
        }
    }


    private static HostCounters.Raw raw(long busy, long total, List<Double> volumes, long diskRead, long netRx) {
        return new HostCounters.Raw(BOOT, busy, total, 8_000, 2_000, volumes, 1.5, 1.0, 0.5, diskRead, diskRead / 2,
                netRx, netRx * 2);
    }

    @Test
    void cpuAndRatesAreMeasuredBetweenTwoSamples() {
        ScriptedCounters counters = new ScriptedCounters();
        TestClock clock = new TestClock(BOOT.plusSeconds(100));
        counters.readings.add(raw(100, 1_000, List.of(10.0), 1_000_000, 500_000));
        counters.readings.add(raw(400, 1_500, List.of(10.0), 3_000_000, 1_500_000));
        HostSampler sampler = new HostSampler(counters, clock, List.of(Path.of("/data")));

        sampler.sample();
        clock.advance(Duration.ofSeconds(10));
        HostSample second = sampler.sample();

        assertThat(second.cpuPercent()).isCloseTo(60.0, within(1e-9));
        assertThat(second.diskReadBytesPerSec()).isCloseTo(200_000, within(1e-6));
        assertThat(second.diskWriteBytesPerSec()).isCloseTo(100_000, within(1e-6));
        assertThat(second.netRxBytesPerSec()).isCloseTo(100_000, within(1e-6));
        assertThat(second.netTxBytesPerSec()).isCloseTo(200_000, within(1e-6));
        assertThat(counters.askedFor).containsExactly(Path.of("/data"));
    }

    @Test
    void theFirstSampleReportsAveragesSinceBootRatherThanZeros() {
        ScriptedCounters counters = new ScriptedCounters();
        counters.readings.add(raw(250, 1_000, List.of(), 1_000_000, 400_000));
        HostSampler sampler = new HostSampler(counters, new TestClock(BOOT.plusSeconds(100)), List.of());

        HostSample first = sampler.sample();

        assertThat(first.cpuPercent()).isCloseTo(25.0, within(1e-9));
        assertThat(first.diskReadBytesPerSec()).isCloseTo(10_000, within(1e-6));
        assertThat(first.netRxBytesPerSec()).isCloseTo(4_000, within(1e-6));
    }

    @Test
    void memoryLoadAndTheFullestDataVolumeAreTakenAsTheyAre() {
        ScriptedCounters counters = new ScriptedCounters();
        counters.readings.add(raw(0, 0, List.of(40.0, 92.5, 10.0), 0, 0));
        HostSample sample = new HostSampler(counters, new TestClock(BOOT.plusSeconds(5)), List.of()).sample();

        assertThat(sample.memPercent()).isCloseTo(75.0, within(1e-9));
        assertThat(sample.diskPercent()).isEqualTo(92.5);
        assertThat(sample.load1()).isEqualTo(1.5);
        assertThat(sample.load5()).isEqualTo(1.0);
        assertThat(sample.load15()).isEqualTo(0.5);
        assertThat(sample.cpuPercent()).isZero();
    }

    @Test
    void aCounterThatWentBackwardsGivesARateOfZero() {
        ScriptedCounters counters = new ScriptedCounters();
        TestClock clock = new TestClock(BOOT.plusSeconds(100));
        counters.readings.add(raw(100, 1_000, List.of(), 9_000_000, 9_000_000));
        counters.readings.add(raw(200, 2_000, List.of(), 1_000, 1_000));
        HostSampler sampler = new HostSampler(counters, clock, List.of());

        sampler.sample();
        clock.advance(Duration.ofSeconds(5));
        HostSample second = sampler.sample();

        assertThat(second.diskReadBytesPerSec()).isZero();
        assertThat(second.netTxBytesPerSec()).isZero();
    }

    @Test
    void theRealHostReadThroughOshiGivesSaneFigures(@org.junit.jupiter.api.io.TempDir Path dir) {
        HostSampler sampler = new HostSampler(new OshiHostCounters(), Clock.systemUTC(),
                List.of(dir, dir.resolve("not/yet/created")));

        HostSample sample = sampler.sample();

        assertThat(sample.memPercent()).isBetween(0.1, 100.0);
        assertThat(sample.diskPercent()).isBetween(0.0, 100.0);
        assertThat(sample.cpuPercent()).isBetween(0.0, 100.0);
        assertThat(sample.load15()).isGreaterThanOrEqualTo(0.0);
    }
}
