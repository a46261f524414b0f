package io.antfleet.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a running node's state over its 127.0.0.1 HTTP server (the stand-in node serves the same text on
 * its rpc port, which every node has, where the real antctl would ask over RPC).
 */
final class NodeProbe {
    private static final int TIMEOUT_MS = 2000;

    private NodeProbe() {
    }

    static Optional<String> get(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String response = buf.toString(StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.1 200") || body < 0) {
                return Optional.empty();
            }
            return Optional.of(response.substring(body + 4));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How a node answered a request: the refresh tells a closed port from a wedged node. */
    enum Answer { ANSWERED, REFUSED, SILENT }

    static Answer ask(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return socket.getInputStream().read() >= 0 ? Answer.ANSWERED : Answer.SILENT;
        } catch (java.net.SocketTimeoutException e) {
            return Answer.SILENT;
        } catch (IOException e) {
            return Answer.REFUSED;
        }
    }

    static Optional<Integer> connectedPeers(int port) {
        return get(port, "/metrics").flatMap(text -> sample(text, "ant_networking_connected_peers "))
                .map(v -> (int) Double.parseDouble(v));
    }

    static Optional<String> peerId(int port) {
        return get(port, "/metadata").flatMap(text -> sample(text, "ant_networking_peer_id_info{peer_id=\""))
                .map(v -> v.substring(0, v.indexOf('"')));
    }

    private static Optional<String> sample(String text, String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()).trim());
            }
        }
        return Optional.empty();
    }
}
