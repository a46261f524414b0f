package io.antfleet.metrics;

import java.nio.charset.StandardCharsets;

/**
 * Reads one sample line ({@code name{labels} value [timestamp] [# exemplar]}) into a
 * {@link ParsedMetrics}, but only when its name is asked for. One per parse; not thread-safe.
 */
final class LineReader {
    private final byte[] body;
    private final MetricQuery query;
    private final ParsedMetrics result;
    /** Longer label values (a peer id is 52 characters, a version 10) are refused, not kept. */
    static final int MAX_LABEL_VALUE = 256;
    /** A sample value longer than this is no number a node writes (a double prints in at most 24). */
    static final int MAX_VALUE_TEXT = 100;
    /** Label positions of the current line: name start/end, escaped value start/end, four ints per label. */
    private int[] labels = new int[16];
    private int labelCount;

    LineReader(byte[] body, MetricQuery query, ParsedMetrics result) {
        this.body = body;
        this.query = query;
        this.result = result;
    }

    void read(int start, int end, int lineNo) {
        if (!query.mayStartWith(body[start])) {
            return;
        }
        int nameEnd = start;
        while (nameEnd < end && body[nameEnd] != '{' && body[nameEnd] != ' ') {
            nameEnd++;
        }
        int first = query.match(body, start, nameEnd, 0);
        if (first < 0) {
            return;
        }
        int pos = nameEnd;
        labelCount = 0;
        if (pos < end && body[pos] == '{') {
            pos = readLabels(pos + 1, end, lineNo);
        }
        if (pos >= end || body[pos] != ' ') {
            throw malformed(lineNo, "expected a space before the value");
        }
        int valueStart = pos + 1;
        int valueEnd = OpenMetricsParser.indexOf(body, (byte) ' ', valueStart, end);
        if (valueEnd - valueStart > MAX_VALUE_TEXT) {
            throw new MetricsFormatException("value of " + (valueEnd - valueStart) + " characters at line " + lineNo
                    + " (at most " + MAX_VALUE_TEXT + ")");
        }
        String raw = new String(body, valueStart, valueEnd - valueStart, StandardCharsets.US_ASCII);
        double value = parseValue(raw, lineNo);
        for (int i = first; i >= 0; i = query.match(body, start, nameEnd, i + 1)) {
            record(i, raw, value);
        }
    }

    private void record(int index, String raw, double value) {
        byte[] label = query.label(index);
        if (label == null) {
            if (result.counts[index] == 0) {
                result.firstRaw[index] = raw;
            }
            result.sums[index] += value;
            result.counts[index]++;
        } else if (result.labelValues[index] == null) {
            result.labelValues[index] = labelValue(label);
        }
    }

    private int readLabels(int pos, int end, int lineNo) {
        while (pos < end && body[pos] != '}') {
            int nameStart = pos;
            while (pos < end && body[pos] != '=') {
                pos++;
            }
            if (pos + 1 >= end || body[pos + 1] != '"' || pos == nameStart) {
                throw malformed(lineNo, "expected label=\"value\"");
            }
            int nameEnd = pos;
            int valueStart = pos + 2;
            pos = valueStart;
            while (pos < end && body[pos] != '"') {
                pos += body[pos] == '\\' ? 2 : 1;
            }
            if (pos >= end) {
                throw malformed(lineNo, "unterminated label value");
            }
            addLabel(nameStart, nameEnd, valueStart, pos);
            pos++;
            if (pos < end && body[pos] == ',') {
                pos++;
            }
        }
        if (pos >= end) {
            throw malformed(lineNo, "unterminated label set");
        }
        return pos + 1;
    }

    private void addLabel(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (labelCount * 4 + 4 > labels.length) {
            labels = java.util.Arrays.copyOf(labels, labels.length * 2);
        }
        int k = labelCount * 4;
        labels[k] = nameStart;
        labels[k + 1] = nameEnd;
        labels[k + 2] = valueStart;
        labels[k + 3] = valueEnd;
        labelCount++;
    }

    private String labelValue(byte[] wanted) {
        for (int l = 0; l < labelCount; l++) {
            int k = l * 4;
            if (labels[k + 1] - labels[k] == wanted.length && regionEquals(labels[k], wanted)) {
                if (labels[k + 3] - labels[k + 2] > MAX_LABEL_VALUE) {
                    throw new MetricsFormatException("label " + new String(wanted, StandardCharsets.US_ASCII) + " has a value of "
                            + (labels[k + 3] - labels[k + 2]) + " bytes (at most " + MAX_LABEL_VALUE + ")");
                }
                return unescape(labels[k + 2], labels[k + 3]);
            }
        }
        return null;
    }

    private boolean regionEquals(int start, byte[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (body[start + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    /** OpenMetrics escapes exactly three things in label values: backslash, double quote, newline. */
    private String unescape(int start, int end) {
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '\\' && i + 1 < end) {
                byte next = body[++i];
                out[n++] = next == 'n' ? (byte) '\n' : next;
            } else {
                out[n++] = b;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static double parseValue(String raw, int lineNo) {
        switch (raw) {
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                break;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                throw new MetricsFormatException("invalid value '" + raw + "' at line " + lineNo);
            }
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new MetricsFormatException("invalid value '" + raw + "' at line " + lineNo);
        }
    }

    private static MetricsFormatException malformed(int lineNo, String what) {
        return new MetricsFormatException("malformed sample at line " + lineNo + ": " + what);
    }
}
