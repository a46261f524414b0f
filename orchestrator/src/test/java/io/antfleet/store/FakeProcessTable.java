package io.antfleet.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A host with the processes a test starts and kills by hand, in a scope of its own (or a given one). */
final class FakeProcessTable implements ProcessTable {
    private final String hostName;
    private final Optional<ProcessScope> scope;
    private final Map<Long, Instant> running = new ConcurrentHashMap<>();

    /** A machine of its own, told apart by its name. */
    FakeProcessTable(String hostName) {
        this(hostName, Optional.of(scope(hostName, "boot1", "4026531836")));
    }

    FakeProcessTable(String hostName, Optional<ProcessScope> scope) {
        this.hostName = hostName;
        this.scope = scope;
    }

    /** A scope whose machine and boot ids are derived from the given words. */
    static ProcessScope scope(String machine, String boot, String pidNamespace) {
        return new ProcessScope(hex32(machine), hex32(boot), pidNamespace);
    }

    private static String hex32(String word) {
        byte[] bytes = java.util.Arrays.copyOf(word.getBytes(StandardCharsets.UTF_8), 16);
        return HexFormat.of().formatHex(bytes);
    }

    /** A process started at {@code at}; the holder string it would write as {@code role}. */
    String start(String role, long pid, Instant at) {
        running.put(pid, at);
        return new LeaseHolderProcess(role, hostName, pid, Optional.of(at), scope).holder();
    }

    void kill(long pid) {
        running.remove(pid);
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
        Instant at = running.get(pid);
        return at != null && startedAt.map(at::equals).orElse(true);
    }
}
