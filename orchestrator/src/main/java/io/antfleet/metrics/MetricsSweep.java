package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads {@code /metrics} then {@code /metadata} of many nodes at once over one shared HTTP/1.1 client
 * (so the second request of a node reuses the first one's connection), with at most
 * {@link SweepSettings#maxInFlight()} nodes in flight. wnm read one node after another with 5 s per
 * request; here a dead node costs one timeout in parallel with everything else. Thread-safe; owns its
 * threads, which {@link #close()} stops.
 */
public final class MetricsSweep implements AutoCloseable {
    private final SweepSettings settings;
    private final ExecutorService executor;
    private final HttpClient client;
    private final OpenMetricsParser parser = new OpenMetricsParser();
    private final NodeReadingsMapper mapper = new NodeReadingsMapper();

    public MetricsSweep(SweepSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "antfleet-sweep-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** Probes every target; the result is in the order of {@code targets}. Blocks until all are done. */
    public List<NodeProbe> sweep(List<SweepTarget> targets) {
        Semaphore permits = new Semaphore(settings.maxInFlight());
        List<CompletableFuture<NodeProbe>> futures = new ArrayList<>(targets.size());
        try {
            for (SweepTarget target : targets) {
                permits.acquire();
                CompletableFuture<NodeProbe> probe = probeAsync(target);
                probe.whenComplete((p, e) -> permits.release());
                futures.add(probe);
            }
            List<NodeProbe> probes = new ArrayList<>(targets.size());
            for (CompletableFuture<NodeProbe> future : futures) {
                probes.add(future.get());
            }
            return probes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new AntfleetException("metrics sweep of " + targets.size() + " nodes interrupted", e);
        } catch (ExecutionException e) {
            throw new AntfleetException("metrics sweep failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    /** Probes one node; never completes exceptionally (a failure is a {@link NodeProbe#failed} value). */
    public CompletableFuture<NodeProbe> probeAsync(SweepTarget target) {
        requireNonNull(target, "target is null");
        long guardMillis = settings.connectTimeout().toMillis() + 2 * settings.requestTimeout().toMillis() + 250;
        return fetch(target, "/metrics", NodeReadingsMapper.METRICS)
                .thenCompose(metrics -> fetch(target, "/metadata", NodeReadingsMapper.METADATA)
                        .thenApply(metadata -> NodeProbe.running(target, mapper.map(metrics, metadata))))
                .orTimeout(guardMillis, TimeUnit.MILLISECONDS)
                .exceptionally(e -> NodeProbe.failed(target, reason(unwrap(e))));
    }

    private CompletableFuture<ParsedMetrics> fetch(SweepTarget target, String path, MetricQuery query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":" + target.metricsPort() + path))
                .timeout(settings.requestTimeout())
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        throw new CompletionException(new ProbeFailure(path, reason(unwrap(error))));
                    }
                    if (response.statusCode() != 200) {
                        throw new CompletionException(new ProbeFailure(path, "HTTP " + response.statusCode()));
                    }
                    try {
                        byte[] body = response.body();
                        return parser.parse(body, body.length, query);
                    } catch (MetricsFormatException e) {
                        throw new CompletionException(new ProbeFailure(path, "invalid body: " + e.getMessage()));
                    }
                });
    }

    private String reason(Throwable e) {
        if (e instanceof ProbeFailure) {
            return e.getMessage();
        }
        if (e instanceof MetricsFormatException) {
            return "invalid body: " + e.getMessage();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + settings.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return "timed out after " + settings.requestTimeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ConnectException && t.getCause() instanceof ConnectException) {
            return t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Carries "which endpoint failed, and why" through the future chain; never leaves this class. */
    private static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String path, String reason) {
            super("GET " + path + ": " + reason, null, false, false);
        }
    }
}
