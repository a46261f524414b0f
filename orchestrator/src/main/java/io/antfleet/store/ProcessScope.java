package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a pid names one process: the machine ({@code /etc/machine-id}), its current boot
 * ({@code /proc/sys/kernel/random/boot_id}) and the pid namespace ({@code /proc/self/ns/pid}). Host names
 * repeat across machines and containers, and a pid of another namespace or boot is a different process
 * (or none), so a lease holder's pid is judged only from the very same scope. Written into holder strings as
 * {@code MACHINE.BOOT.PIDNS}.
 */
public record ProcessScope(String machineId, String bootId, String pidNamespace) {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern NAMESPACE = Pattern.compile("[0-9]{1,20}");
    private static final Pattern TOKEN = Pattern.compile("([0-9a-f]{32})\\.([0-9a-f]{32})\\.([0-9]{1,20})");
    private static final Pattern NS_LINK = Pattern.compile("pid:\\[([0-9]{1,20})\\]");

    public ProcessScope {
        requireNonNull(machineId, "machineId is null");
        requireNonNull(bootId, "bootId is null");
        requireNonNull(pidNamespace, "pidNamespace is null");
        if (!HEX32.matcher(machineId).matches() || !HEX32.matcher(bootId).matches()
                || !NAMESPACE.matcher(pidNamespace).matches()) {
            throw new IllegalArgumentException("invalid process scope " + machineId + "." + bootId + "." + pidNamespace);
        }
    }

    /** The scope of this process, or empty when any part cannot be read (then no holder of it is ever judged). */
    static Optional<ProcessScope> ofThisProcess() {
        Optional<String> machine = hex32(Path.of("/etc/machine-id")).or(() -> hex32(Path.of("/var/lib/dbus/machine-id")));
        Optional<String> boot = hex32(Path.of("/proc/sys/kernel/random/boot_id"));
        Optional<String> namespace = readPidNamespace();
        if (machine.isEmpty() || boot.isEmpty() || namespace.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessScope(machine.get(), boot.get(), namespace.get()));
    }

    /** The scope a {@link #token()} names, or empty. */
    static Optional<ProcessScope> parse(String token) {
        Matcher m = TOKEN.matcher(token);
        return m.matches() ? Optional.of(new ProcessScope(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    public String token() {
        return machineId + "." + bootId + "." + pidNamespace;
    }

    /** A file holding 32 hex digits, dashes aside (boot_id is a dashed UUID). */
    private static Optional<String> hex32(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip().replace("-", "").toLowerCase(java.util.Locale.ROOT);
            return HEX32.matcher(text).matches() ? Optional.of(text) : Optional.empty();
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readPidNamespace() {
        try {
            Matcher m = NS_LINK.matcher(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString());
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
