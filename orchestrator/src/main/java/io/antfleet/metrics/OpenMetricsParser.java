package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * A small, allocation-light reader of OpenMetrics / Prometheus text (antctl-contract.md §6). It reads
 * only the series a {@link MetricQuery} names and skips every other line after looking at its name, so
 * the hundreds of {@code libp2p_*} lines of an antnode body cost a scan and nothing else. Comment lines
 * ({@code # HELP}, {@code # TYPE}, {@code # UNIT}) are skipped; {@code # EOF} must end the body.
 * Stateless and thread-safe.
 */
public final class OpenMetricsParser {
    private static final byte[] EOF_LINE = "# EOF".getBytes(StandardCharsets.US_ASCII);

    public ParsedMetrics parse(String body, MetricQuery query) {
        byte[] bytes = requireNonNull(body, "body is null").getBytes(StandardCharsets.UTF_8);
        return parse(bytes, bytes.length, query);
    }

    /**
     * Parses {@code body[0, length)}.
     *
     * @throws MetricsFormatException when the body does not end with {@code # EOF}, has content after it,
     *     or a line of a requested series is malformed
     */
    public ParsedMetrics parse(byte[] body, int length, MetricQuery query) {
        return parse(body, 0, length, query);
    }

    /** Parses {@code body[offset, bodyEnd)}; line numbers in messages count from {@code offset}. */
    public ParsedMetrics parse(byte[] body, int offset, int bodyEnd, MetricQuery query) {
        requireNonNull(body, "body is null");
        int length = bodyEnd;
        ParsedMetrics result = new ParsedMetrics(requireNonNull(query, "query is null"));
        LineReader line = new LineReader(body, query, result);
        boolean eof = false;
        int pos = offset;
        int lineNo = 0;
        while (pos < length) {
            int end = indexOf(body, (byte) '\n', pos, length);
            int contentEnd = end > pos && body[end - 1] == '\r' ? end - 1 : end;
            lineNo++;
            if (contentEnd > pos) {
                if (eof) {
                    throw new MetricsFormatException("content after '# EOF' at line " + lineNo);
                }
                if (body[pos] == '#') {
                    eof = isEof(body, pos, contentEnd);
                } else {
                    line.read(pos, contentEnd, lineNo);
                }
            }
            pos = end + 1;
        }
        if (!eof) {
            throw new MetricsFormatException("body does not end with '# EOF' (" + (bodyEnd - offset) + " bytes)");
        }
        return result;
    }

    private static boolean isEof(byte[] body, int start, int end) {
        if (end - start != EOF_LINE.length) {
            return false;
        }
        for (int k = 0; k < EOF_LINE.length; k++) {
            if (body[start + k] != EOF_LINE[k]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] body, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return to;
    }
}
