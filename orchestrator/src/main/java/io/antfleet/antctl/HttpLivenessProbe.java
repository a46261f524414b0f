package io.antfleet.antctl;

import io.antfleet.fleet.NodeValues;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link LivenessProbe} over HTTP: GET {@code http://<host>:<port>/metadata}; alive when it answers 200 with
 * OpenMetrics text ending in {@code # EOF}. Any answer is not enough (wnm's defect 5).
 */
public final class HttpLivenessProbe implements LivenessProbe {
    private static final Pattern PEER_ID = Pattern.compile("ant_networking_peer_id_info\\{peer_id=\"([^\"]+)\"\\}");
    private static final Pattern VERSION = Pattern.compile("ant_node_antnode_version_info\\{antnode_version=\"([^\"]+)\"\\}");

    /** /metadata is two short lines; anything near this is not an antnode. */
    static final int MAX_BODY = 64 * 1024;

    private final String host;
    private final Duration timeout;

    public HttpLivenessProbe(String host, Duration timeout) {
        this.host = host;
        this.timeout = timeout;
    }

    @Override
    public ProbeResult probe(int metricsPort) {
        return probeAll(List.of(metricsPort)).get(0);
    }

    /**
     * All requests are sent at once and read side by side on this thread ({@link MetadataExchange}), under one
     * bound, twice the timeout from now, for connecting, asking and reading the whole answer: a started batch's
     * answers take about as long as one node's, not the sum of them.
     */
    @Override
    public List<ProbeResult> probeAll(List<Integer> metricsPorts) {
        long bound = timeout.toMillis() * 2;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(bound);
        List<MetadataExchange> asked = new ArrayList<>();
        String unfinished = "within " + bound + " ms";
        try (Selector selector = Selector.open()) {
            metricsPorts.forEach(port -> asked.add(MetadataExchange.start(selector, host, port)));
            unfinished = await(selector, asked, deadline, bound);
        } catch (IOException e) {
            unfinished = "no selector: " + e.getMessage();
        }
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            results.add(asked.get(i).result("no whole answer on port " + metricsPorts.get(i) + " " + unfinished));
        }
        return results;
    }

    /** Lets the exchanges run until all are done or the deadline passed; says how those left unfinished ended. */
    private static String await(Selector selector, List<MetadataExchange> asked, long deadline, long bound)
            throws IOException {
        while (asked.stream().anyMatch(e -> !e.done())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                return "(interrupted)";
            }
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            for (SelectionKey key : selector.selectedKeys()) {
                ((MetadataExchange) key.attachment()).ready(key);
            }
            selector.selectedKeys().clear();
        }
        return "within " + bound + " ms";
    }

    static ProbeResult judge(int status, String body) {
        if (status != 200) {
            return ProbeResult.dead("/metadata answered HTTP " + status);
        }
        if (body == null || !body.stripTrailing().endsWith("# EOF")) {
            return ProbeResult.dead("/metadata answered without the OpenMetrics '# EOF' terminator");
        }
        String peerId = group(PEER_ID, body);
        String version = group(VERSION, body);
        String problem = NodeValues.versionProblem(version);
        if (problem != null) {
            version = null;
        }
        String peerProblem = NodeValues.peerIdProblem(peerId);
        if (peerProblem != null) {
            peerId = null;
            problem = problem == null ? peerProblem : problem + "; " + peerProblem;
        }
        return new ProbeResult(true, peerId, version, problem == null ? null : "/metadata: " + problem);
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
