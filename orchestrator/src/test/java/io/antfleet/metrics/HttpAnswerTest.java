package io.antfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {
    private static Fetcher.Body body(String answer) {
        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
        return HttpAnswer.body(bytes, bytes.length);
    }

    private static String text(Fetcher.Body b) {
        return new String(b.bytes(), b.offset(), b.end() - b.offset(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aChunkedBodyIsJoined() {
        assertThat(text(body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n")))
                .isEqualTo("abcde");
    }

    @Test
    void aNegativeOverlongOrNonHexChunkSizeIsRefusedNotTrusted() {
        for (String size : List.of("-5", "+5", "7fffffff", "FFFFFFFF", "100000000", "0x10", "", "1 2")) {
            assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\nabc\r\n0\r\n\r\n"))
                    .as(size).isInstanceOf(Fetcher.FetchFailure.class).hasMessageContaining("chunk");
        }
    }

    @Test
    void aChunkThatClaimsMoreThanArrivedIsCutShort() {
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffff\r\nabc\r\n0\r\n\r\n"))
                .isInstanceOf(Fetcher.FetchFailure.class).hasMessageContaining("cut short");
    }

    @Test
    void aNegativeOrOverflowingContentLengthIsRefused() {
        for (String length : List.of("-1", "99999999999999999999", "1e3")) {
            assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\nabc"))
                    .as(length).isInstanceOf(Fetcher.FetchFailure.class).hasMessageContaining("Content-Length");
        }
    }

    @Test
    void thePlainLengthOfADecimalIsWorkedOutWithoutWritingIt() {
        for (String d : List.of("1500", "1.5", "0.000001501", "-12.25", "1E+5", "123456789", "0.1")) {
            BigDecimal v = new BigDecimal(d).stripTrailingZeros();
            assertThat(ParsedMetrics.plainLength(v)).as(d).isEqualTo(v.toPlainString().length());
        }
        assertThat(ParsedMetrics.plainLength(new BigDecimal("1e-999999999"))).isEqualTo(1_000_000_000L + 1);
    }
}
