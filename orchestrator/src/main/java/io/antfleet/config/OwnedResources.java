package io.antfleet.config;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of what holds threads or connections for the life of a command (the Docker client, the
 * metrics sweep, the run loop's executors): providers hand what they build to {@link #own}, and
 * {@link #close()} closes all of it, last built first, once, when the command ends or the process is told
 * to stop. One per injector. Thread safe.
 */
public final class OwnedResources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedResources.class);
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private boolean closed;

    /** Takes {@code resource} over; it is closed by {@link #close()} (at once when that already ran). */
    public synchronized <T extends AutoCloseable> T own(T resource) {
        if (closed) {
            closeQuietly(resource);
        } else {
            owned.push(resource);
        }
        return resource;
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!owned.isEmpty()) {
            closeQuietly(owned.pop());
        }
    }

    /** A failure to close one resource must not keep the others open; it is logged, not raised. */
    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("closing {} failed: {}", resource, e.toString());
        }
    }
}
