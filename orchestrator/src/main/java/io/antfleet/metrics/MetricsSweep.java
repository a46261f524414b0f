package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads {@code /metrics} then {@code /metadata} of many nodes at once over one shared HTTP/1.1 client,
 * {@link SweepSettings#maxInFlight()} nodes at a time, each request bounded by the request timeout and,
 * for a body that stalls after its headers, by a watchdog. wnm read one node after another with 5 s per
 * request; here a dead node costs one timeout in parallel with everything else.
 *
 * <p>Why blocking {@code send} on owned worker threads rather than {@code sendAsync}: on a 2-core host the
 * JDK's {@code sendAsync} hands every response to {@code CompletableFuture}'s default executor, which
 * there is a new thread per task; that cost ~2 ms of CPU per request. Thread-safe; owns its threads,
 * which {@link #close()} stops.
 */
public final class MetricsSweep implements AutoCloseable {
    private final SweepSettings settings;
    private final ExecutorService workers;
    private final ExecutorService clientExecutor;
    private final ScheduledExecutorService watchdog;
    private final HttpClient client;
    private final OpenMetricsParser parser = new OpenMetricsParser();
    private final NodeReadingsMapper mapper = new NodeReadingsMapper();
    private final long guardMillis;

    public MetricsSweep(SweepSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.workers = Executors.newFixedThreadPool(settings.maxInFlight(), named("antfleet-sweep-"));
        this.clientExecutor = Executors.newFixedThreadPool(settings.threads(), named("antfleet-sweep-http-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(named("antfleet-sweep-watchdog-"));
        this.guardMillis = settings.connectTimeout().toMillis() + settings.requestTimeout().toMillis() + 250;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(clientExecutor)
                .build();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Probes every target; the result is in the order of {@code targets}. Blocks until all are done. */
    public List<NodeProbe> sweep(List<SweepTarget> targets) {
        List<Future<NodeProbe>> futures = new ArrayList<>(targets.size());
        for (SweepTarget target : targets) {
            futures.add(workers.submit(() -> probe(target)));
        }
        List<NodeProbe> probes = new ArrayList<>(targets.size());
        try {
            for (Future<NodeProbe> future : futures) {
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

    /** Probes one node in the calling thread; a failure is a {@link NodeProbe#failed} value, never thrown. */
    public NodeProbe probe(SweepTarget target) {
        requireNonNull(target, "target is null");
        try {
            ParsedMetrics metrics = fetch(target, "/metrics", NodeReadingsMapper.METRICS);
            ParsedMetrics metadata = fetch(target, "/metadata", NodeReadingsMapper.METADATA);
            return NodeProbe.running(target, mapper.map(metrics, metadata));
        } catch (ProbeFailure e) {
            return NodeProbe.failed(target, e.getMessage());
        } catch (MetricsFormatException e) {
            return NodeProbe.failed(target, "invalid body: " + e.getMessage());
        }
    }

    private ParsedMetrics fetch(SweepTarget target, String path, MetricQuery query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":" + target.metricsPort() + path))
                .timeout(settings.requestTimeout())
                .GET()
                .build();
        HttpResponse<byte[]> response = send(request, path);
        if (response.statusCode() != 200) {
            throw new ProbeFailure(path, "HTTP " + response.statusCode());
        }
        try {
            return parser.parse(response.body(), response.body().length, query);
        } catch (MetricsFormatException e) {
            throw new ProbeFailure(path, "invalid body: " + e.getMessage());
        }
    }

    /** A blocking send that the watchdog interrupts when the body stalls past the guard. */
    private HttpResponse<byte[]> send(HttpRequest request, String path) {
        Watch watch = new Watch(Thread.currentThread());
        Future<?> alarm = watchdog.schedule(watch::fire, guardMillis, TimeUnit.MILLISECONDS);
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            if (!watch.fired()) {
                Thread.currentThread().interrupt();
                throw new ProbeFailure(path, "interrupted");
            }
            throw new ProbeFailure(path, "timed out after " + guardMillis + " ms (stalled body)");
        } catch (IOException e) {
            throw new ProbeFailure(path, reason(e));
        } finally {
            alarm.cancel(false);
            watch.disarm();
        }
    }

    private String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + settings.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out after " + settings.requestTimeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
        workers.shutdownNow();
        watchdog.shutdownNow();
        clientExecutor.shutdownNow();
    }

    /** Interrupts its thread once, unless disarmed first; the lock keeps a late interrupt from leaking. */
    private static final class Watch {
        private final Thread thread;
        private boolean armed = true;
        private boolean fired;

        Watch(Thread thread) {
            this.thread = thread;
        }

        synchronized void fire() {
            if (armed) {
                fired = true;
                armed = false;
                thread.interrupt();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        synchronized void disarm() {
            armed = false;
            if (fired) {
                Thread.interrupted();
            }
        }
    }

    /** Carries "which endpoint failed, and why" to {@link #probe}; never leaves this class. */
    private static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String path, String reason) {
            super("GET " + path + ": " + reason, null, false, false);
        }
    }
}
