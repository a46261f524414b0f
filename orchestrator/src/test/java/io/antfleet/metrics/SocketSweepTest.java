package io.antfleet.metrics;

class SocketSweepTest extends MetricsSweepContract {
    @Override
    SweepTransport transport() {
        return SweepTransport.SOCKET;
    }

    @Override
    String stalledBodyReason() {
        return "timed out after 1000 ms";
    }

    @org.junit.jupiter.api.Test
    void aThreadsBufferGoesBackToItsFirstSizeAfterABigAnswer() throws Exception {
        byte[] big = ("# HELP x\n".repeat(70_000) + "# EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> {
            ex.sendResponseHeaders(200, big.length);
            try (java.io.OutputStream out = ex.getResponseBody()) {
                out.write(big);
            }
        });
        server.start();
        SocketFetcher fetcher = new SocketFetcher(new SweepSettings(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5), 1, 1));
        try {
            Fetcher.Body body = fetcher.get(SweepTarget.local("big", server.getAddress().getPort()), "/metrics", java.time.Duration.ofSeconds(5));

            org.assertj.core.api.Assertions.assertThat(body.end() - body.offset()).isEqualTo(big.length);
            org.assertj.core.api.Assertions.assertThat(fetcher.bufferSize()).isEqualTo(SocketFetcher.INITIAL_BUFFER);
        } finally {
            fetcher.close();
            server.stop(0);
        }
    }
}
