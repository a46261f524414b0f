package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.NodeReadings;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser against a real antnode's 47 KB, 547-line /metrics ({@link AntnodeCapture}): every series antfleet
 * reads comes out as a plain reading of the text gives it (split each sample line at its last space), so no
 * value of the capture is written into the test.
 */
class AntnodeCaptureParseTest {
    private static final byte[] CAPTURE = AntnodeCapture.bytes();
    private final OpenMetricsParser parser = new OpenMetricsParser();

    /** Sum and count per sample name, {@code _total} stripped: the obvious reading, one String per line. */
    private static Map<String, double[]> plainReading(String body) {
        Map<String, double[]> sums = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            name = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
            double[] acc = sums.computeIfAbsent(name, k -> new double[2]);
            acc[0] += Double.parseDouble(line.substring(space + 1));
            acc[1]++;
        }
        return sums;
    }

    @Test
    void theCaptureIsTheSizeOfARealAntnodesAnswer() {
        String body = new String(CAPTURE, StandardCharsets.UTF_8);

        assertThat(CAPTURE.length).isEqualTo(47_645);
        assertThat(body.lines().count()).isEqualTo(547);
        assertThat(body).endsWith("# EOF\n");
    }

    @Test
    void everySeriesAntfleetReadsIsReadAsThePlainReadingOfTheTextGivesIt() {
        Map<String, double[]> expected = plainReading(new String(CAPTURE, StandardCharsets.UTF_8));
        MetricQuery query = NodeReadingsMapper.METRICS;

        ParsedMetrics parsed = parser.parse(CAPTURE, CAPTURE.length, query);

        for (int i = 0; i < query.size(); i++) {
            String name = query.name(i).replaceAll("_total$", "");
            assertThat(expected).as("the capture has %s", name).containsKey(name);
            assertThat(parsed.value(i)).as(name).hasValue(expected.get(name)[0]);
            assertThat(parsed.seriesCount(i)).as(name).isEqualTo((int) expected.get(name)[1]);
        }
    }

    @Test
    void theCaptureMapsToReadingsWithEveryMetricsField() {
        NodeReadings r = new NodeReadingsMapper().map(parser.parse(CAPTURE, CAPTURE.length, NodeReadingsMapper.METRICS),
                parser.parse(NodeReadingsMapperTest.resource("antnode-metadata.txt"), NodeReadingsMapper.METADATA));

        assertThat(r).hasNoNullFieldsOrProperties();
        assertThat(r.rewards()).isEqualTo(plainText("ant_node_current_reward_wallet_balance"));
    }

    private static String plainText(String name) {
        for (String line : new String(CAPTURE, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in the capture");
    }

    @Test
    void lineEndsAreFoundEightBytesAtATimeExactlyWhereAByteLoopFindsThem() {
        Random random = new Random(18);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        for (byte[] body : new byte[][] {CAPTURE, noise, "\n\n\n".getBytes(StandardCharsets.US_ASCII), new byte[0]}) {
            for (int from = 0; from < body.length; from += 1 + random.nextInt(7)) {
                int to = from + random.nextInt(body.length - from + 1);
                assertThat(OpenMetricsParser.lineEnd(body, from, to)).as("from %d to %d", from, to)
                        .isEqualTo(OpenMetricsParser.indexOf(body, (byte) '\n', from, to));
            }
        }
    }

    @Test
    void aThreadsFirstBufferHoldsARealAnswerWithItsHeadWithoutGrowing() {
        assertThat(SocketFetcher.INITIAL_BUFFER).isGreaterThan(CAPTURE.length + 1024);
    }
}
