package io.antfleet.metrics;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.AntfleetException;
import io.antfleet.fleet.NodeReadings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads {@code /metrics} then {@code /metadata} of many nodes at once, {@link SweepSettings#maxInFlight()}
 * nodes at a time on owned worker threads, every request bounded by the timeouts. wnm read one node after
 * another with 5 s per request; here a dead node costs one timeout in parallel with everything else.
 * A node counts as running only when both endpoints answer 200 with valid OpenMetrics holding the
 * series every node exposes. {@code /metadata} (peer id, version: they change only when the node
 * restarts) is read on a node's first probe and then again only after it restarted, stopped answering, or
 * 10 minutes ({@link MetadataCache}); {@link #sweepFresh} reads it every time. Nodes whose last probe timed
 * out (hanging: they accept and never answer) are probed first and with a shorter timeout ({@link HangingNodes}),
 * so a sweep with hanging nodes takes about that timeout, wherever they sit in the list. Thread-safe;
 * {@link #close()} stops its threads.
 */
public final class MetricsSweep implements AutoCloseable {
    private final ExecutorService workers;
    private final Fetcher fetcher;
    private final OpenMetricsParser parser = new OpenMetricsParser();
    private final NodeReadingsMapper mapper = new NodeReadingsMapper();
    private final MetadataCache metadata;
    private final HangingNodes hanging;

    public MetricsSweep(SweepSettings settings) {
        this(settings, SweepTransport.SOCKET);
    }

    public MetricsSweep(SweepSettings settings, SweepTransport transport) {
        this(settings, transport, MetadataCache.systemClock());
    }

    MetricsSweep(SweepSettings settings, SweepTransport transport, MetadataCache metadata) {
        requireNonNull(settings, "settings is null");
        requireNonNull(transport, "transport is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.fetcher = transport == SweepTransport.SOCKET ? new SocketFetcher(settings) : new JdkHttpFetcher(settings);
        this.workers = Executors.newFixedThreadPool(settings.maxInFlight(), named("antfleet-sweep-"));
        this.hanging = new HangingNodes(settings, metadata::now);
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Probes every target; the result is in the order of {@code targets}. Blocks until all are done. */
    public List<SweptNode> sweep(List<SweepTarget> targets) {
        return sweep(targets, false);
    }

    /**
     * Like {@link #sweep}, but reads every node's {@code /metadata} whatever is cached (and caches it): for
     * a health check that waits for a new version, where a restart must not go unseen.
     */
    public List<SweptNode> sweepFresh(List<SweepTarget> targets) {
        return sweep(targets, true);
    }

    private List<SweptNode> sweep(List<SweepTarget> targets, boolean fresh) {
        List<Future<SweptNode>> futures = new ArrayList<>(Collections.nCopies(targets.size(), null));
        for (int pass = hanging.isEmpty() ? 1 : 0; pass < 2; pass++) {
            for (int i = 0; i < targets.size(); i++) {
                SweepTarget target = targets.get(i);
                if (futures.get(i) == null && (pass == 1 || hanging.hangs(target))) {
                    futures.set(i, workers.submit(() -> probe(target, fresh)));
                }
            }
        }
        List<SweptNode> probes = new ArrayList<>(targets.size());
        try {
            for (int i = 0; i < futures.size(); i++) {
                probes.add(outcome(futures.get(i), targets.get(i)));
            }
            return probes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new AntfleetException("metrics sweep of " + targets.size() + " nodes interrupted", e);
        }
    }

    /** A probe's result; one that failed in a way {@link #probe} did not catch (an Error) is still only its node's. */
    private static SweptNode outcome(Future<SweptNode> future, SweepTarget target) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return SweptNode.failed(target, "probe failed: " + e.getCause());
        }
    }

    /** Probes one node in the calling thread; a failure is a {@link SweptNode#failed} value, never thrown. */
    public SweptNode probe(SweepTarget target) {
        return probe(target, false);
    }

    private SweptNode probe(SweepTarget target, boolean fresh) {
        requireNonNull(target, "target is null");
        Duration timeout = hanging.timeout(target);
        try {
            ParsedMetrics metrics = fetch(target, "/metrics", NodeReadingsMapper.METRICS, timeout);
            double uptime = mapper.uptimeSeconds(metrics);
            long now = metadata.now();
            MetadataCache.Metadata known = fresh ? null : metadata.fresh(target, uptime, now);
            if (known != null) {
                return answered(target, mapper.map(metrics, known.peerId(), known.version()));
            }
            NodeReadings readings = mapper.map(metrics, fetch(target, "/metadata", NodeReadingsMapper.METADATA, timeout));
            metadata.remember(target, readings.peerId(), readings.version(), uptime, now);
            return answered(target, readings);
        } catch (Fetcher.FetchFailure e) {
            metadata.forget(target);
            if (e.timedOut()) {
                hanging.timedOut(target, timeout);
            } else {
                hanging.forget(target);
            }
            return SweptNode.failed(target, e.getMessage());
        } catch (MetricsFormatException e) {
            metadata.forget(target);
            hanging.forget(target);
            return SweptNode.failed(target, "invalid body: " + e.getMessage());
        } catch (RuntimeException e) {
            // whatever one node's answer does to the reading, it is that node's failure, never the sweep's
            metadata.forget(target);
            hanging.forget(target);
            return SweptNode.failed(target, "unusable answer: " + e);
        }
    }

    private SweptNode answered(SweepTarget target, NodeReadings readings) {
        hanging.forget(target);
        return SweptNode.running(target, readings);
    }

    private ParsedMetrics fetch(SweepTarget target, String path, MetricQuery query, Duration timeout) {
        try {
            Fetcher.Body body = fetcher.get(target, path, timeout);
            return parser.parse(body.bytes(), body.offset(), body.end(), query);
        } catch (Fetcher.FetchFailure e) {
            throw new Fetcher.FetchFailure("GET " + path + ": " + e.getMessage(), e.timedOut());
        } catch (MetricsFormatException e) {
            throw new Fetcher.FetchFailure("GET " + path + ": invalid body: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        fetcher.close();
    }
}
