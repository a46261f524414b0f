package io.antfleet.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a loopback port to a target (MariaDB), which a test can {@link #cut()} — every open
 * connection closed at once and new ones refused, as when the database host goes away — and
 * {@link #restore()} on the same port. Close to stop it.
 */
final class CuttableProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final int port;
    private final InetSocketAddress target;
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cuttable-proxy-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private ServerSocket server;

    CuttableProxy(int port, InetSocketAddress target) {
        this.port = port;
        this.target = target;
        restore();
    }

    int port() {
        return port;
    }

    /** Accepts (again) on the port. */
    synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            pool.submit(() -> accept(s));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Closes the listening socket (new connections are refused) and every forwarded connection. */
    synchronized void cut() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        server = null;
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0); // a reset, as a vanished host gives, not an orderly close
            } catch (SocketException e) {
                // already closed
            }
            closeQuietly(s);
        }
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, CONNECT_TIMEOUT_MS);
                } catch (IOException e) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                if (!register(s, client, upstream)) {
                    continue;
                }
                pool.submit(() -> pump(client, upstream));
                pool.submit(() -> pump(upstream, client));
            } catch (IOException e) {
                return; // the listening socket was closed: cut or close
            }
        }
    }

    /** Keeps the pair unless a cut came in between; then closes it. */
    private synchronized boolean register(ServerSocket s, Socket client, Socket upstream) {
        if (server != s) {
            closeQuietly(client);
            closeQuietly(upstream);
            return false;
        }
        open.add(client);
        open.add(upstream);
        return true;
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // cut, or the other side went away
        } catch (IOException e) {
            // as above: the pair ends
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
