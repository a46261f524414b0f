package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenMetricsParserTest {
    private final OpenMetricsParser parser = new OpenMetricsParser();

    private static MetricQuery value(String name) {
        return MetricQuery.builder().value(name).build();
    }

    @Test
    void labelledSeriesOfOneNameAreSummed() {
        ParsedMetrics parsed = parser.parse("""
                # TYPE puts counter
                puts_total{t="a"} 1
                puts_total{t="b"} 2.5
                puts_total{t="c"} 4
                # EOF
                """, value("puts_total"));

        assertThat(parsed.value(0)).hasValue(7.5);
        assertThat(parsed.seriesCount(0)).isEqualTo(3);
    }

    @Test
    void aCounterIsFoundWhetherAskedForWithOrWithoutTheTotalSuffix() {
        String body = "ant_node_put_record_ok_total{record_type=\"Chunk\"} 3\n# EOF\n";

        assertThat(parser.parse(body, value("ant_node_put_record_ok_total")).value(0)).hasValue(3);
        assertThat(parser.parse(body, value("ant_node_put_record_ok")).value(0)).hasValue(3);
        assertThat(parser.parse("ant_x 9\n# EOF\n", value("ant_x_total")).value(0)).hasValue(9);
    }

    @Test
    void theCreatedSeriesOfACounterIsNotMistakenForTheCounter() {
        ParsedMetrics parsed = parser.parse("c_total 4\nc_created 1.7e9\n# EOF\n", value("c"));

        assertThat(parsed.value(0)).hasValue(4);
    }

    @ParameterizedTest(name = "value {0} reads as {1}")
    @CsvSource({"1.5e3,1500", "-2E-2,-0.02", "+7,7", "0,0", "NaN,NaN", "+Inf,Infinity", "-Inf,-Infinity", "Inf,Infinity"})
    void valuesWithExponentsNanAndInfinitiesAreRead(String raw, double expected) {
        assertThat(parser.parse("m " + raw + "\n# EOF\n", value("m")).value(0)).hasValue(expected);
    }

    @Test
    void anOptionalTimestampAfterTheValueIsIgnored() {
        assertThat(parser.parse("m 5 1732665600000\n# EOF\n", value("m")).value(0)).hasValue(5);
    }

    @Test
    void labelValuesWithEscapedQuotesBackslashesAndNewlinesAreUnescaped() {
        MetricQuery query = MetricQuery.builder().label("info", "agent").build();
        ParsedMetrics parsed = parser.parse("info{x=\"}\",agent=\"a\\\"b\\\\c\\nd\"} 1\n# EOF\n", query);

        assertThat(parsed.label(0)).isEqualTo("a\"b\\c\nd");
    }

    @Test
    void linesNotAskedForAreSkippedEvenWhenTheyCannotBeParsed() {
        ParsedMetrics parsed = parser.parse("libp2p_weird{{{ not a sample\nm 1\n# EOF\n", value("m"));

        assertThat(parsed.value(0)).hasValue(1);
    }

    @Test
    void aBodyWithoutEofIsRejected() {
        assertThatThrownBy(() -> parser.parse("m 1\n", value("m")))
                .isInstanceOf(MetricsFormatException.class).hasMessageContaining("# EOF");
    }

    @Test
    void contentAfterEofIsRejected() {
        assertThatThrownBy(() -> parser.parse("# EOF\nm 1\n", value("m")))
                .isInstanceOf(MetricsFormatException.class).hasMessageContaining("after '# EOF'");
    }

    @Test
    void aMalformedValueOfARequestedSeriesIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parser.parse("# TYPE m gauge\nm 0x1p3\n# EOF\n", value("m")))
                .isInstanceOf(MetricsFormatException.class).hasMessageContaining("line 2");
    }

    @Test
    void anUnterminatedLabelSetOfARequestedSeriesIsRejected() {
        assertThatThrownBy(() -> parser.parse("m{a=\"1\" 2\n# EOF\n", value("m")))
                .isInstanceOf(MetricsFormatException.class);
    }

    @Test
    void anEmptyBodyIsRejected() {
        assertThatThrownBy(() -> parser.parse("", value("m"))).isInstanceOf(MetricsFormatException.class);
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        assertThat(parser.parse("m 2\r\n# EOF\r\n", value("m")).value(0)).hasValue(2);
    }

    @Test
    void aSeriesThatIsAbsentHasNoValue() {
        ParsedMetrics parsed = parser.parse("other 1\n# EOF\n", value("m"));

        assertThat(parsed.has(0)).isFalse();
        assertThat(parsed.value(0)).isEmpty();
        assertThat(parsed.exactDecimal(0)).isNull();
    }

    @Test
    void aNameIsNotMatchedByAPrefixOfIt() {
        ParsedMetrics parsed = parser.parse("m_extra 1\nmm 2\n# EOF\n", value("m"));

        assertThat(parsed.has(0)).isFalse();
    }

    @ParameterizedTest(name = "exact decimal of {0} is {1}")
    @CsvSource({"1.5e3,1500", "0.000000,0", "12.3400,12.34", "1E-18,0.000000000000000001", "+5,5", "250000000000000000000,250000000000000000000"})
    void exactDecimalsKeepTheTextWithoutExponentOrTrailingZeros(String raw, String expected) {
        assertThat(parser.parse("r " + raw + "\n# EOF\n", value("r")).exactDecimal(0)).isEqualTo(expected);
    }

    @Test
    void twoQueriesOnTheSameNameAreBothAnswered() {
        MetricQuery query = MetricQuery.builder().value("v_info").label("v_info", "version").build();
        ParsedMetrics parsed = parser.parse("v_info{version=\"1.2\"} 1\n# EOF\n", query);

        assertThat(parsed.value(0)).hasValue(1);
        assertThat(parsed.label(1)).isEqualTo("1.2");
    }
}
