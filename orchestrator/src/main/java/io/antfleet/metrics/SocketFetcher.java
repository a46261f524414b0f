package io.antfleet.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One short HTTP/1.1 GET per request over a plain blocking socket ({@code Connection: close}, as the
 * antnode metrics server answers anyway): the whole exchange, connect included, bounded by the request
 * timeout (the connect also by the connect timeout), so a node that accepts and never answers, or drips,
 * costs one request timeout and no more. Reads Content-Length, chunked and
 * read-to-close bodies, at most {@link #MAX_ANSWER} bytes. Each thread reuses one buffer, so a sweep allocates
 * little; it grows for a big answer and goes back to its first size after it.
 */
final class SocketFetcher implements Fetcher {
    /** A whole answer, head and body, beyond this is refused: a real antnode's /metrics is some 47 KB. */
    static final int MAX_ANSWER = 1024 * 1024;
    /**
     * Each thread's buffer starts at this and goes back to it after a bigger answer: room for a real antnode's
     * /metrics (47,645 bytes in docs/contracts/antnode-metrics-capture.txt) and its head, so a sweep does not
     * grow and drop a buffer per node.
     */
    static final int INITIAL_BUFFER = 64 * 1024;
    /**
     * At most this much per read: the JDK copies each socket read through a direct buffer of the read's size that
     * it keeps per thread, so 64 KiB reads kept 64 KiB of native memory in each of the sweep's 64 threads (NMT
     * "Other", 6.5 MB); 16 KiB reads keep a quarter of that, for a few more reads of a 48 KB body.
     */
    static final int READ_CHUNK = 16 * 1024;

    private final SweepSettings settings;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[INITIAL_BUFFER]);
    /** IP literals only (a name is resolved on every request, as DNS may change): parsed once. */
    private final Map<String, InetAddress> literals = new ConcurrentHashMap<>();

    SocketFetcher(SweepSettings settings) {
        this.settings = settings;
    }

    @Override
    public Body get(SweepTarget target, String path, Duration timeout) {
        try {
            return fetch(target, path, timeout);
        } finally {
            // the answer in hand keeps a big array alive until it is parsed; the thread goes back to a small one
            if (buffers.get().length > INITIAL_BUFFER) {
                buffers.set(new byte[INITIAL_BUFFER]);
            }
        }
    }

    /** The calling thread's buffer size, for tests. */
    int bufferSize() {
        return buffers.get().length;
    }

    private Body fetch(SweepTarget target, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int connectMillis = (int) Math.min(settings.connectTimeout().toMillis(), timeout.toMillis());
        // NO_PROXY: a plain socket; the default one asks the proxy selector (building a URI) on every connect
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.setTcpNoDelay(true);
            socket.connect(address(target), connectMillis);
            byte[] buf = buffers.get();
            int n = request(buf, path, target);
            socket.getOutputStream().write(buf, 0, n);
            int length = readAll(socket, deadline, timeout);
            return HttpAnswer.body(buffers.get(), length);
        } catch (SocketTimeoutException e) {
            throw FetchFailure.timeout(e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")
                    ? "connect timed out after " + connectMillis + " ms" : timedOut(timeout));
        } catch (ConnectException e) {
            throw new FetchFailure("connection refused");
        } catch (IOException e) {
            throw new FetchFailure(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private InetSocketAddress address(SweepTarget target) {
        InetAddress known = literals.get(target.host());
        if (known != null) {
            return new InetSocketAddress(known, target.metricsPort());
        }
        InetSocketAddress address = new InetSocketAddress(target.host(), target.metricsPort());
        if (!address.isUnresolved() && isIpLiteral(target.host())) {
            literals.putIfAbsent(target.host(), address.getAddress());
        }
        return address;
    }

    private static boolean isIpLiteral(String host) {
        boolean v6 = host.indexOf(':') >= 0;
        if (!v6 && host.indexOf('.') < 0) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean hex = c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':';
            if (!(c >= '0' && c <= '9' || c == '.' || v6 && hex)) {
                return false;
            }
        }
        return true;
    }

    /** The GET request written as ASCII into {@code buf} (the read then reuses it); returns its length. */
    private static int request(byte[] buf, String path, SweepTarget target) {
        int n = ascii(buf, 0, "GET ");
        n = ascii(buf, n, path);
        n = ascii(buf, n, " HTTP/1.1\r\nHost: ");
        n = ascii(buf, n, target.host());
        buf[n++] = ':';
        n = ascii(buf, n, Integer.toString(target.metricsPort()));
        return ascii(buf, n, "\r\nAccept: application/openmetrics-text\r\nConnection: close\r\n\r\n");
    }

    private static int ascii(byte[] buf, int at, String s) {
        if (at + s.length() > buf.length) {
            throw new FetchFailure("request line too long: " + s.length() + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            buf[at + i] = c < 128 ? (byte) c : (byte) '?';
        }
        return at + s.length();
    }

    /** Reads until the answer is complete or closed; each read waits only for what is left of the deadline. */
    private int readAll(Socket socket, long deadline, Duration timeout) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buf = buffers.get();
        int length = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw FetchFailure.timeout(timedOut(timeout));
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            if (length == buf.length) {
                if (buf.length >= MAX_ANSWER) {
                    throw new FetchFailure("answer larger than " + MAX_ANSWER + " bytes");
                }
                buf = Arrays.copyOf(buf, Math.min(MAX_ANSWER, buf.length * 2));
                buffers.set(buf);
            }
            int n = in.read(buf, length, Math.min(READ_CHUNK, buf.length - length));
            if (n < 0) {
                return length;
            }
            length += n;
            if (HttpAnswer.complete(buf, length)) {
                return length;
            }
        }
    }

    private static String timedOut(Duration timeout) {
        return "timed out after " + timeout.toMillis() + " ms";
    }

    @Override
    public void close() {
        // nothing held between requests
    }
}
