package io.antfleet.metrics;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fetches through one shared JDK {@link HttpClient} (HTTP/1.1, connection reuse), with blocking
 * {@code send} on the caller's thread: on a 2-core host {@code sendAsync} hands every response to
 * {@code CompletableFuture}'s default executor, which there starts a new thread per task. The request
 * timeout covers the wait for headers; a watchdog interrupts a body that stalls after them.
 */
final class JdkHttpFetcher implements Fetcher {
    private final SweepSettings settings;
    private final ExecutorService clientExecutor;
    private final ScheduledExecutorService watchdog;
    private final HttpClient client;

    JdkHttpFetcher(SweepSettings settings) {
        this.settings = settings;
        this.clientExecutor = Executors.newFixedThreadPool(settings.threads(), MetricsSweep.named("antfleet-sweep-http-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(MetricsSweep.named("antfleet-sweep-watchdog-"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(clientExecutor)
                .build();
    }

    @Override
    public Body get(SweepTarget target, String path, Duration timeout) {
        // the client's timeout ends with the headers; the watchdog cuts off a body that stalls after them
        long guardMillis = settings.connectTimeout().toMillis() + timeout.toMillis() + 250;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":" + target.metricsPort() + path))
                .timeout(timeout)
                .GET()
                .build();
        Watch watch = new Watch(Thread.currentThread());
        Future<?> alarm = watchdog.schedule(watch::fire, guardMillis, TimeUnit.MILLISECONDS);
        try {
            HttpResponse<byte[]> response = client.send(request, LimitedBody.handler(SocketFetcher.MAX_ANSWER));
            if (response.statusCode() != 200) {
                throw new FetchFailure("HTTP " + response.statusCode());
            }
            return new Body(response.body(), 0, response.body().length);
        } catch (InterruptedException e) {
            if (!watch.fired()) {
                Thread.currentThread().interrupt();
                throw new FetchFailure("interrupted");
            }
            throw FetchFailure.timeout("timed out after " + guardMillis + " ms (stalled body)");
        } catch (IOException e) {
            throw new FetchFailure(reason(e, timeout), e instanceof HttpTimeoutException);
        } finally {
            alarm.cancel(false);
            watch.disarm();
        }
    }

    private String reason(IOException e, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + settings.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connection refused";
        }
        int tooLarge = e.getMessage() == null ? -1 : e.getMessage().indexOf("answer larger than");
        if (tooLarge >= 0) {
            return e.getMessage().substring(tooLarge);
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
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
}
