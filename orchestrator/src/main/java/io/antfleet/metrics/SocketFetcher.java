package io.antfleet.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One short HTTP/1.1 GET per request over a plain blocking socket ({@code Connection: close}, as the
 * antnode metrics server answers anyway): connect bounded by the connect timeout, the whole answer by
 * the request timeout (a stalled or dripping server is cut off). Reads Content-Length, chunked and
 * read-to-close bodies. Each thread reuses one growing buffer, so a sweep allocates little.
 */
final class SocketFetcher implements Fetcher {
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final SweepSettings settings;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[32 * 1024]);

    SocketFetcher(SweepSettings settings) {
        this.settings = settings;
    }

    @Override
    public Body get(SweepTarget target, String path) {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host(), target.metricsPort()), (int) settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.requestTimeout().toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + target.host() + ":" + target.metricsPort()
                    + "\r\nAccept: application/openmetrics-text\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int length = readAll(socket.getInputStream(), deadline);
            return HttpAnswer.body(buffers.get(), length);
        } catch (SocketTimeoutException e) {
            throw new FetchFailure(e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")
                    ? "connect timed out after " + settings.connectTimeout().toMillis() + " ms" : timedOut());
        } catch (ConnectException e) {
            throw new FetchFailure("connection refused");
        } catch (IOException e) {
            throw new FetchFailure(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private int readAll(InputStream in, long deadline) throws IOException {
        byte[] buf = buffers.get();
        int length = 0;
        while (true) {
            if (length == buf.length) {
                if (buf.length >= MAX_BODY) {
                    throw new FetchFailure("answer larger than " + MAX_BODY + " bytes");
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
                buffers.set(buf);
            }
            int n = in.read(buf, length, buf.length - length);
            if (n < 0) {
                return length;
            }
            length += n;
            if (System.nanoTime() > deadline) {
                throw new FetchFailure(timedOut());
            }
            if (HttpAnswer.complete(buf, length)) {
                return length;
            }
        }
    }

    private String timedOut() {
        return "timed out after " + settings.requestTimeout().toMillis() + " ms";
    }

    @Override
    public void close() {
        // nothing held between requests
    }
}
