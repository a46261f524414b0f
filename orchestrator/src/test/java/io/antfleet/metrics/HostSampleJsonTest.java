package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.decide.HostSample;
import org.junit.jupiter.api.Test;

class HostSampleJsonTest {
    private final HostSampleJson json = new HostSampleJson();

    @Test
    void everyDocumentedKeyIsRead() {
        HostSample sample = json.parse("""
                {"cpu": 12.5, "mem": 85, "disk": 40, "load1": 1.5, "load5": 1.2, "load15": 0.9,
                 "diskReadBytes": 1000, "diskWriteBytes": 2000, "netRxBytes": 3000, "netTxBytes": 4000}
                """);

        assertThat(sample).isEqualTo(new HostSample(12.5, 85, 40, 1.5, 1.2, 0.9, 1000, 2000, 3000, 4000));
    }

    @Test
    void keysLeftOutAreZeroSoOneAssumptionCanBeAskedAlone() {
        assertThat(json.parse("{\"mem\": 85}")).isEqualTo(HostSample.idle().withMem(85));
    }

    @Test
    void unknownKeysAndNonNumbersAreAllReportedTogether() {
        assertThatThrownBy(() -> json.parse("{\"memory\": 85, \"cpu\": \"high\"}"))
                .isInstanceOf(AntfleetException.class)
                .hasMessageContaining("unknown key 'memory'")
                .hasMessageContaining("'cpu' must be a number");
    }

    @Test
    void aPercentageAbove100IsRejected() {
        assertThatThrownBy(() -> json.parse("{\"disk\": 120}"))
                .isInstanceOf(AntfleetException.class).hasMessageContaining("disk must be a percentage");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> json.parse("[1,2]")).isInstanceOf(AntfleetException.class);
    }
}
