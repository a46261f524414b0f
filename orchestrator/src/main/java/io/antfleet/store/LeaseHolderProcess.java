package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process behind a lease holder, written into the holder string as {@code ROLE pid PID on HOST started
 * INSTANT in SCOPE}: enough for a later process in the same {@link ProcessScope} (machine, boot, pid
 * namespace) to tell that the holder is gone (no such pid, or the pid now belongs to a process started at
 * another instant) and take its lease over before it expires. The host name is for people reading it; it
 * decides nothing, since two machines or containers may share one.
 */
public record LeaseHolderProcess(String role, String host, long pid, Optional<Instant> startedAt,
        Optional<ProcessScope> scope) {
    /** Host names beyond this are cut, so that a holder string stays within the lease column's 255. */
    static final int MAX_HOST = 48;
    static final int MAX_ROLE = 24;
    private static final Pattern FORM = Pattern.compile("(.+) pid (\\d+) on (\\S+) started (\\S+) in (\\S+)");
    private static final String UNKNOWN = "unknown";

    public LeaseHolderProcess {
        requireNonNull(role, "role is null");
        requireNonNull(host, "host is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(scope, "scope is null");
        if (role.isBlank() || role.length() > MAX_ROLE) {
            throw new IllegalArgumentException("invalid lease holder role '" + role + "' (1 to " + MAX_ROLE + " characters)");
        }
        if (host.isBlank() || host.length() > MAX_HOST || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid host name '" + host + "' (1 to " + MAX_HOST + " characters, no spaces)");
        }
        if (pid <= 0) {
            throw new IllegalArgumentException("pid " + pid + " is not positive");
        }
    }

    /** This JVM, acting as {@code role} (apply, run, teardown, ...). */
    public static LeaseHolderProcess ofThisProcess(String role) {
        ProcessHandle self = ProcessHandle.current();
        ProcessTable local = ProcessTable.local();
        return new LeaseHolderProcess(role, local.hostName(), self.pid(), self.info().startInstant(), local.scope());
    }

    /** The holder string of {@link #ofThisProcess}: what an engine command passes to {@link DatabaseLease}. */
    public static String holderForThisProcess(String role) {
        return ofThisProcess(role).holder();
    }

    /** The holder string; {@link #parse} reads it back. */
    public String holder() {
        return role + " pid " + pid + " on " + host + " started " + startedAt.map(Instant::toString).orElse(UNKNOWN)
                + " in " + scope.map(ProcessScope::token).orElse(UNKNOWN);
    }

    /** The process a holder string names, or empty when it was not written by {@link #holder()}. */
    public static Optional<LeaseHolderProcess> parse(String holder) {
        Matcher m = FORM.matcher(requireNonNull(holder, "holder is null"));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Optional<Instant> started = m.group(4).equals(UNKNOWN) ? Optional.empty() : Optional.of(Instant.parse(m.group(4)));
            Optional<ProcessScope> scope = ProcessScope.parse(m.group(5));
            if (scope.isEmpty() && !m.group(5).equals(UNKNOWN)) {
                return Optional.empty();
            }
            return Optional.of(new LeaseHolderProcess(m.group(1), m.group(3), Long.parseLong(m.group(2)), started, scope));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return holder();
    }
}
