package io.antfleet.metrics;

import java.nio.charset.StandardCharsets;

/** Reads an HTTP/1.1 answer held in a byte array: status line, headers, and a plain or chunked body. */
final class HttpAnswer {
    private HttpAnswer() {
    }

    /** True when the answer has a Content-Length and all of it has arrived (else read to close). */
    static boolean complete(byte[] buf, int length) {
        int headEnd = headEnd(buf, length);
        if (headEnd < 0) {
            return false;
        }
        long contentLength = contentLength(buf, headEnd);
        return contentLength >= 0 && length - headEnd >= contentLength;
    }

    /** The body of a 200 answer; any other status or a malformed answer is a {@link Fetcher.FetchFailure}. */
    static Fetcher.Body body(byte[] buf, int length) {
        int headEnd = headEnd(buf, length);
        if (headEnd < 0 || length < 12 || !startsWith(buf, 0, "HTTP/1.")) {
            throw new Fetcher.FetchFailure("not an HTTP answer (" + length + " bytes)");
        }
        int status = (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
        if (status != 200) {
            throw new Fetcher.FetchFailure("HTTP " + status);
        }
        long contentLength = contentLength(buf, headEnd);
        if (header(buf, headEnd, "transfer-encoding") >= 0) {
            return new Fetcher.Body(buf, headEnd, dechunk(buf, headEnd, length));
        }
        if (contentLength >= 0 && length - headEnd < contentLength) {
            throw new Fetcher.FetchFailure("answer cut short: " + (length - headEnd) + " of " + contentLength + " bytes");
        }
        return new Fetcher.Body(buf, headEnd, contentLength >= 0 ? (int) (headEnd + contentLength) : length);
    }

    private static int headEnd(byte[] buf, int length) {
        for (int i = 3; i < length; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static long contentLength(byte[] buf, int headEnd) {
        long at = header(buf, headEnd, "content-length");
        if (at < 0) {
            return -1;
        }
        int start = (int) (at >>> 32);
        int end = (int) at;
        long value = 0;
        for (int i = start; i < end; i++) {
            if (buf[i] < '0' || buf[i] > '9' || end - start > 18) {
                return parseLength(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
            }
            value = value * 10 + (buf[i] - '0');
        }
        return start == end ? parseLength("") : value;
    }

    /** The slow path, for what is not plain digits: Long.parseLong's verdict. */
    private static long parseLength(String value) {
        try {
            long length = Long.parseLong(value);
            if (length < 0) {
                throw new NumberFormatException(value);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new Fetcher.FetchFailure("invalid Content-Length '" + io.antfleet.fleet.NodeValues.shown(value) + "'");
        }
    }

    /**
     * The first header named {@code name} (lower case ASCII) in {@code buf[0, headEnd)}: its value's start
     * and end (trimmed) packed as {@code start << 32 | end}, or -1. Byte by byte, no String: this runs on
     * every read of every answer.
     */
    private static long header(byte[] buf, int headEnd, String name) {
        int line = 0;
        while (line < headEnd) {
            int end = indexOfCrlf(buf, line, headEnd);
            if (end < 0) {
                end = headEnd;
            }
            int colon = line;
            while (colon < end && buf[colon] != ':') {
                colon++;
            }
            if (colon > line && colon < end && nameEquals(buf, line, colon, name)) {
                int start = colon + 1;
                int stop = end;
                while (start < stop && (buf[start] & 0xff) <= ' ') {
                    start++;
                }
                while (stop > start && (buf[stop - 1] & 0xff) <= ' ') {
                    stop--;
                }
                return (long) start << 32 | stop;
            }
            line = end + 2;
        }
        return -1;
    }

    /** {@code buf[start, end)}, trimmed, equals {@code name} ignoring ASCII case. */
    private static boolean nameEquals(byte[] buf, int start, int end, String name) {
        while (start < end && (buf[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (buf[end - 1] & 0xff) <= ' ') {
            end--;
        }
        if (end - start != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            int b = buf[start + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Removes chunk framing in place; returns the end of the joined body. */
    private static int dechunk(byte[] buf, int start, int length) {
        int read = start;
        int write = start;
        while (true) {
            int lineEnd = indexOfCrlf(buf, read, length);
            if (lineEnd < 0) {
                throw new Fetcher.FetchFailure("chunked answer cut short");
            }
            String sizeText = new String(buf, read, lineEnd - read, StandardCharsets.ISO_8859_1);
            int semicolon = sizeText.indexOf(';');
            int size = chunkSize(semicolon >= 0 ? sizeText.substring(0, semicolon) : sizeText);
            read = lineEnd + 2;
            if (size == 0) {
                return write;
            }
            if ((long) read + size + 2 > length) {
                throw new Fetcher.FetchFailure("chunked answer cut short");
            }
            System.arraycopy(buf, read, buf, write, size);
            write += size;
            read += size + 2;
        }
    }

    /** A chunk size: hex digits only (no sign), at most 7 of them, so it can never overflow an offset. */
    private static int chunkSize(String text) {
        String hex = text.trim();
        if (hex.isEmpty() || hex.length() > 7 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new Fetcher.FetchFailure("invalid chunk size '" + io.antfleet.fleet.NodeValues.shown(text) + "'");
        }
        return Integer.parseInt(hex, 16);
    }

    private static int indexOfCrlf(byte[] buf, int from, int length) {
        for (int i = from; i + 1 < length; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] buf, int at, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (buf[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
