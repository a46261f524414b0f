package io.antfleet.antctl;

import io.antfleet.fleet.NodeValues;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
    /**
     * Threads that hand the client's answers over. Without an executor of its own the JDK client starts one
     * thread per request under way: apply probing 20 containers' batches of 25 at once ran 105 of them, about
     * 10 MB of the JVM's peak memory, for answers of two short lines (docs/performance.md, memory).
     */
    static final int THREADS = 4;

    private final String host;
    private final Duration timeout;
    private final HttpClient http;

    public HttpLivenessProbe(String host, Duration timeout) {
        this.host = host;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .executor(answerThreads()).build();
    }

    /** {@link #THREADS} daemon threads at most, gone after 30 s without work (most commands probe once). */
    private static ThreadPoolExecutor answerThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "antfleet-liveness-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public ProbeResult probe(int metricsPort) {
        return probeAll(List.of(metricsPort)).get(0);
    }

    /**
     * All requests are sent at once and share one bound (twice the timeout from now), so that a started batch's
     * answers take about as long as one node's, not the sum of them.
     */
    @Override
    public List<ProbeResult> probeAll(List<Integer> metricsPorts) {
        List<Asked> asked = metricsPorts.stream().map(this::ask).toList();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout.toMillis() * 2);
        List<ProbeResult> results = new ArrayList<>();
        for (Asked a : asked) {
            results.add(answer(a, Math.max(0, deadline - System.nanoTime())));
        }
        return results;
    }

    /** One request under way: its port, its answer to come and the body read so far. */
    private record Asked(int port, CompletableFuture<HttpResponse<Void>> answer, ByteArrayOutputStream body) {
    }

    private Asked ask(int metricsPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + metricsPort + "/metadata"))
                .timeout(timeout).GET().build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpResponse.BodyHandler<Void> bounded = HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(b -> {
            if (body.size() + b.length > MAX_BODY) {
                throw new IllegalStateException("/metadata answered more than " + MAX_BODY + " bytes");
            }
            body.writeBytes(b);
        }));
        // the request timeout covers the wait for headers; the whole answer, body included, gets twice that
        return new Asked(metricsPort, http.sendAsync(request, bounded), body);
    }

    private ProbeResult answer(Asked asked, long waitNanos) {
        int metricsPort = asked.port();
        CompletableFuture<HttpResponse<Void>> answer = asked.answer();
        try {
            HttpResponse<Void> response = answer.get(waitNanos, TimeUnit.NANOSECONDS);
            return judge(response.statusCode(), asked.body().toString(StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return ProbeResult.dead("no whole answer on port " + metricsPort + " within " + timeout.toMillis() * 2 + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
                cause = cause.getCause();
            }
            return ProbeResult.dead(cause instanceof IllegalStateException ? cause.getMessage()
                    : "no answer on port " + metricsPort + ": " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return ProbeResult.dead("interrupted");
        } catch (RuntimeException e) {
            return ProbeResult.dead("unusable answer on port " + metricsPort + ": " + e);
        }
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
