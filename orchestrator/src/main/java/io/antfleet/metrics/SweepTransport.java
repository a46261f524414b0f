package io.antfleet.metrics;

/** How a sweep talks HTTP to the nodes. */
public enum SweepTransport {
    /**
     * Plain blocking sockets, one short HTTP/1.1 GET per request (the default). About 5 times less CPU per
     * request than the JDK client on the 2-core build machine (docs/performance.md).
     */
    SOCKET,
    /** The JDK's {@code java.net.http.HttpClient}: one shared HTTP/1.1 client with connection reuse. */
    JDK_HTTP_CLIENT
}
