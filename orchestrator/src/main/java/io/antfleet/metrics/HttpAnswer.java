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
        if (header(buf, headEnd, "transfer-encoding") != null) {
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
        String value = header(buf, headEnd, "content-length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new Fetcher.FetchFailure("invalid Content-Length '" + value + "'");
        }
    }

    /** The value of the first header named {@code name} (lower case), or null. */
    private static String header(byte[] buf, int headEnd, String name) {
        String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
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
            int size;
            try {
                size = Integer.parseInt((semicolon >= 0 ? sizeText.substring(0, semicolon) : sizeText).trim(), 16);
            } catch (NumberFormatException e) {
                throw new Fetcher.FetchFailure("invalid chunk size '" + sizeText + "'");
            }
            read = lineEnd + 2;
            if (size == 0) {
                return write;
            }
            if (read + size > length) {
                throw new Fetcher.FetchFailure("chunked answer cut short");
            }
            System.arraycopy(buf, read, buf, write, size);
            write += size;
            read += size + 2;
        }
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
