package io.antfleet.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@link ProcessTable} through {@link ProcessHandle}. */
final class LocalProcessTable implements ProcessTable {
    static final LocalProcessTable INSTANCE = new LocalProcessTable();

    /**
     * How far two readings of one process's start may differ and still name the same process. The JDK
     * derives the start from the boot time, which the kernel shifts when the wall clock is stepped; a
     * tolerance keeps a live holder from being taken for a reused pid after a small step. A pid reused
     * within seconds of its previous owner's death would need the whole pid space to wrap in that time.
     */
    static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    private final String hostName = readHostName();
    private final Optional<ProcessScope> scope = ProcessScope.ofThisProcess();

    private LocalProcessTable() {
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public Optional<ProcessScope> scope() {
        return scope;
    }

    @Override
    public boolean isRunning(long pid, Optional<Instant> startedAt) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        Optional<Instant> actual = handle.get().info().startInstant();
        if (startedAt.isEmpty() || actual.isEmpty()) {
            return true; // cannot tell a reused pid apart: assume the holder lives (the lease expires anyway)
        }
        return Duration.between(startedAt.get(), actual.get()).abs().compareTo(START_TOLERANCE) <= 0;
    }

    /** The kernel's host name without a DNS lookup (which may hang); the JDK's elsewhere. */
    private static String readHostName() {
        String name;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
        } catch (IOException | SecurityException e) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                name = "localhost";
            }
        }
        name = name.replaceAll("\\s", "");
        if (name.isEmpty()) {
            name = "localhost";
        }
        return name.length() > LeaseHolderProcess.MAX_HOST ? name.substring(0, LeaseHolderProcess.MAX_HOST) : name;
    }
}
