package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One antctl call at a time per container, across antfleet processes on this host, not only within one: antctl
 * rewrites its registry by truncating it and writing it again (ant-service-management src/registry.rs:173), so
 * a {@code status} from {@code antfleet import} or {@code antfleet status} that runs beside another process's
 * {@code add} can read an empty or half-written registry, and two writers lose each other's changes. A lock
 * file per container ({@code <dir>/<container>.lock}, see {@link #fileName}; an OS file lock, released when the process dies) orders
 * processes; an in-process lock orders this process's threads (a JVM cannot hold one file lock twice).
 */
final class ContainerCallLocks {
    private static final long POLL_MS = 20;

    private final Path dir;
    private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();

    ContainerCallLocks(Path dir) {
        this.dir = requireNonNull(dir, "dir is null");
    }

    static ContainerCallLocks inTempDir() {
        return new ContainerCallLocks(Path.of(System.getProperty("java.io.tmpdir"), "antfleet-antctl-locks"));
    }

    /** Runs the call holding the container's lock; waits at most {@code bound} for it. */
    <T> T locked(String container, Duration bound, String target, Supplier<T> call) {
        ReentrantLock lock = local.computeIfAbsent(container, k -> new ReentrantLock());
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            if (!lock.tryLock(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(target, bound);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntctlException("interrupted while waiting for antctl in " + target, target, java.util.List.of(), e);
        }
        try (FileChannel file = open(container, target); FileLock held = acquire(file, deadline, target, bound)) {
            return call.get();
        } catch (IOException e) {
            throw new AntctlException("cannot use the antctl lock file for " + target + ": " + e.getMessage(), target,
                    java.util.List.of(), e);
        } finally {
            lock.unlock();
        }
    }

    private FileChannel open(String container, String target) throws IOException {
        Files.createDirectories(dir);
        return FileChannel.open(dir.resolve(fileName(container)), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /**
     * {@code <lock>.lock}, every byte outside {@code [A-Za-z0-9_.-]} written as {@code %XX}: no path separator
     * reaches the file system, and two locks never share a file (a '/' replaced by '_' would make host far's
     * {@code x} and a local {@code far_x} one lock).
     */
    static String fileName(String lock) {
        StringBuilder name = new StringBuilder();
        for (byte b : lock.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                    || c == '-') {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return name.append(".lock").toString();
    }

    private static FileLock acquire(FileChannel file, long deadline, String target, Duration bound) throws IOException {
        while (true) {
            try {
                FileLock lock = file.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // another ContainerCallLocks of this JVM holds it (tests): wait like for another process
            }
            if (System.nanoTime() > deadline) {
                throw busy(target, bound);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock", e);
            }
        }
    }

    private static AntctlException busy(String target, Duration bound) {
        return new AntctlException("another antfleet call has been running antctl in " + target + " for more than "
                + bound.toSeconds() + " s", target, java.util.List.of(), null);
    }
}
