package io.antfleet.antctl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One {@code GET /metadata} over a non-blocking socket, driven by the {@link Selector} of
 * {@link HttpLivenessProbe#probeAll}, so that a started batch's answers are read side by side on the calling thread:
 * no thread, no HTTP client machinery per request (the JDK client made a thread per answer on a 2-core host, and
 * used some four times the CPU; docs/performance.md). HTTP/1.1 with {@code Connection: close}, as the sweep asks;
 * the answer ends when the server closes or its Content-Length has arrived, and may be chunked.
 */
final class MetadataExchange {
    /** Room for the status line and headers, beyond the body's bound. */
    private static final int MAX_HEAD = 8 * 1024;

    private final int port;
    private final SocketChannel channel;
    private final ByteBuffer request;
    private byte[] answer = new byte[4096];
    private int length;
    private LivenessProbe.ProbeResult result;

    private MetadataExchange(int port, SocketChannel channel, String host) {
        this.port = port;
        this.channel = channel;
        this.request = ByteBuffer.wrap(("GET /metadata HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAccept: application/openmetrics-text\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Connects (without waiting) and registers with {@code selector}; a refusal already known ends it at once. */
    static MetadataExchange start(Selector selector, String host, int port) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open();
        } catch (IOException e) {
            return failed(port, e);
        }
        MetadataExchange exchange = new MetadataExchange(port, channel, host);
        try {
            channel.configureBlocking(false);
            boolean connected = channel.connect(new InetSocketAddress(host, port));
            channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, exchange);
        } catch (IOException | RuntimeException e) {
            exchange.fail(e);
        }
        return exchange;
    }

    private static MetadataExchange failed(int port, IOException e) {
        MetadataExchange exchange = new MetadataExchange(port, null, "127.0.0.1");
        exchange.result = noAnswer(port, e);
        return exchange;
    }

    boolean done() {
        return result != null;
    }

    /** The answer, or, for an exchange not done by the deadline, why not. */
    LivenessProbe.ProbeResult result(String unfinished) {
        close();
        return result != null ? result : LivenessProbe.ProbeResult.dead(unfinished);
    }

    /** Takes the next step the selector found ready: finish connecting, send the request, read. */
    void ready(SelectionKey key) {
        if (done()) {
            return; // its answer is in; the key went with the channel
        }
        try {
            if (key.isConnectable()) {
                if (channel.finishConnect()) {
                    key.interestOps(SelectionKey.OP_WRITE);
                }
            } else if (key.isWritable()) {
                channel.write(request);
                if (!request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            } else if (key.isReadable()) {
                read();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void read() throws IOException {
        if (length == answer.length) {
            if (answer.length >= MAX_HEAD + HttpLivenessProbe.MAX_BODY) {
                finish(LivenessProbe.ProbeResult.dead(tooBig()));
                return;
            }
            answer = Arrays.copyOf(answer, Math.min(answer.length * 2, MAX_HEAD + HttpLivenessProbe.MAX_BODY));
        }
        int n = channel.read(ByteBuffer.wrap(answer, length, answer.length - length));
        if (n < 0) {
            finish(judged(true));
            return;
        }
        length += n;
        LivenessProbe.ProbeResult early = judged(false);
        if (early != null) {
            finish(early);
        }
    }

    /**
     * The answer judged, once it is whole: at the end of the stream, or when its Content-Length has arrived (null
     * before that unless {@code closed}).
     */
    private LivenessProbe.ProbeResult judged(boolean closed) {
        int headEnd = headEnd();
        if (headEnd < 0 || length < 12 || !new String(answer, 0, 7, StandardCharsets.US_ASCII).startsWith("HTTP/1.")) {
            return closed ? noAnswer("not an HTTP answer (" + length + " bytes)") : null;
        }
        String head = new String(answer, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        long declared = contentLength(head);
        boolean chunked = head.contains("\r\ntransfer-encoding:") && head.contains("chunked");
        if (!closed && (chunked || declared < 0 || length - headEnd < declared)) {
            return null;
        }
        byte[] body;
        if (chunked) {
            body = Chunks.decode(answer, headEnd, length);
            if (body == null) {
                return noAnswer("chunked answer cut short");
            }
        } else if (declared >= 0 && length - headEnd < declared) {
            return noAnswer("answer cut short: " + (length - headEnd) + " of " + declared + " bytes");
        } else {
            body = Arrays.copyOfRange(answer, headEnd, declared >= 0 ? (int) (headEnd + declared) : length);
        }
        if (body.length > HttpLivenessProbe.MAX_BODY) {
            return LivenessProbe.ProbeResult.dead(tooBig());
        }
        String code = new String(answer, 9, 3, StandardCharsets.US_ASCII);
        if (!code.chars().allMatch(Character::isDigit)) {
            return noAnswer("not an HTTP status: " + code);
        }
        return HttpLivenessProbe.judge(Integer.parseInt(code), new String(body, StandardCharsets.UTF_8));
    }

    private int headEnd() {
        for (int i = 3; i < length; i++) {
            if (answer[i] == '\n' && answer[i - 1] == '\r' && answer[i - 2] == '\n' && answer[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The Content-Length header's value, -1 when there is none or it is not a number. */
    private static long contentLength(String head) {
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return -1;
        }
        int start = at + "\r\ncontent-length:".length();
        int end = head.indexOf("\r\n", start);
        try {
            long value = Long.parseLong(head.substring(start, end < 0 ? head.length() : end).strip());
            return value < 0 ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String tooBig() {
        return "/metadata answered more than " + HttpLivenessProbe.MAX_BODY + " bytes";
    }

    private LivenessProbe.ProbeResult noAnswer(String why) {
        return LivenessProbe.ProbeResult.dead("no answer on port " + port + ": " + why);
    }

    private static LivenessProbe.ProbeResult noAnswer(int port, Exception e) {
        return LivenessProbe.ProbeResult.dead("no answer on port " + port + ": " + e.getClass().getSimpleName());
    }

    private void fail(Exception e) {
        finish(noAnswer(port, e));
    }

    private void finish(LivenessProbe.ProbeResult outcome) {
        result = outcome;
        close();
    }

    void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close(); // also cancels its key
        } catch (IOException ignored) {
            // nothing more to read from it either way
        }
    }

    /** A chunked body ({@code size CRLF data CRLF ... 0 CRLF CRLF}) put back together. */
    static final class Chunks {
        private Chunks() {
        }

        /** The body, or null when the chunks are malformed or end before the last one. */
        static byte[] decode(byte[] buf, int from, int end) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            int at = from;
            while (true) {
                int lineEnd = indexOfCrlf(buf, at, end);
                if (lineEnd < 0) {
                    return null;
                }
                String sizeLine = new String(buf, at, lineEnd - at, StandardCharsets.US_ASCII);
                int semicolon = sizeLine.indexOf(';');
                int size;
                try {
                    size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (size == 0) {
                    return body.toByteArray();
                }
                at = lineEnd + 2;
                if (size < 0 || end - at < size + 2) {
                    return null;
                }
                body.write(buf, at, size);
                at += size + 2;
            }
        }

        private static int indexOfCrlf(byte[] buf, int from, int end) {
            for (int i = from; i + 1 < end; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
