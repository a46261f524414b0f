package io.antfleet.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A host with the processes a test starts and kills by hand. */
final class FakeProcessTable implements ProcessTable {
    private final String hostName;
    private final Map<Long, Instant> running = new ConcurrentHashMap<>();

    FakeProcessTable(String hostName) {
        this.hostName = hostName;
    }

    /** A process started at {@code at}; the holder string it would write as {@code role}. */
    String start(String role, long pid, Instant at) {
        running.put(pid, at);
        return new LeaseHolderProcess(role, hostName, pid, Optional.of(at)).holder();
    }

    void kill(long pid) {
        running.remove(pid);
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public boolean isRunning(long pid, Optional<Instant> startedAt) {
        Instant at = running.get(pid);
        return at != null && startedAt.map(at::equals).orElse(true);
    }
}
