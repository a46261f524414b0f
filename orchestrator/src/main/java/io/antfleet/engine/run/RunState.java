package io.antfleet.engine.run;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.decide.Timers;
import io.antfleet.fleet.spec.HostSpec;
import io.antfleet.store.MachineSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the run loop keeps between cycles and across restarts, in the machine table: the engine's
 * cooldown timers (so a restart does not erase them), the last cycle's time (to notice a host reboot),
 * the spec it runs, and a halted rolling upgrade. (The decisions themselves go to the decision log.)
 */
public final class RunState {
    static final String LAST_CYCLE = "run_last_cycle_at";
    static final String SPEC_PATH = "run_spec_path";
    static final String HALTED_UPGRADE = "run_upgrade_halted";
    static final String PAUSED = "run_paused";
    private static final int MAX_VALUE = 2000;

    private final MachineSettings settings;

    @Inject
    public RunState(MachineSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    static String timerKey(Timers.Kind kind) {
        return "run_timer_" + kind.name().toLowerCase(Locale.ROOT);
    }

    public Timers timers() {
        Map<Timers.Kind, Instant> last = new EnumMap<>(Timers.Kind.class);
        for (Timers.Kind k : Timers.Kind.values()) {
            settings.get(timerKey(k)).map(Instant::parse).ifPresent(at -> last.put(k, at));
        }
        return new Timers(last);
    }

    public void saveTimers(Timers timers) {
        timers.last().forEach((k, at) -> settings.put(timerKey(k), at.toString()));
    }

    /** A host's cooldown timers: the local host's are {@link #timers()}; another's are kept under its name. */
    public Timers timers(String host) {
        if (HostSpec.LOCAL.equals(host)) {
            return timers();
        }
        Map<Timers.Kind, Instant> last = new EnumMap<>(Timers.Kind.class);
        for (Timers.Kind k : Timers.Kind.values()) {
            settings.get(timerKey(k, host)).map(Instant::parse).ifPresent(at -> last.put(k, at));
        }
        return new Timers(last);
    }

    public void saveTimers(String host, Timers timers) {
        if (HostSpec.LOCAL.equals(host)) {
            saveTimers(timers);
        } else {
            timers.last().forEach((k, at) -> settings.put(timerKey(k, host), at.toString()));
        }
    }

    /**
     * {@code run_timer_<kind>_h_<host>_<hash>}: setting names are lower-case letters, digits and _ (at most 64), host
     * names are not, so the name is folded and its hash keeps two hosts that fold alike apart.
     */
    static String timerKey(Timers.Kind kind, String host) {
        String folded = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (folded.length() > 24) {
            folded = folded.substring(0, 24);
        }
        return timerKey(kind) + "_h_" + folded + "_" + Integer.toHexString(host.hashCode());
    }

    public Optional<Instant> lastCycleAt() {
        return settings.get(LAST_CYCLE).map(Instant::parse);
    }

    public void cycleDone(Instant at) {
        settings.put(LAST_CYCLE, at.toString());
    }

    public Optional<Path> specPath() {
        return settings.get(SPEC_PATH).map(Path::of);
    }

    public void specApplied(Path spec) {
        settings.put(SPEC_PATH, spec.toAbsolutePath().normalize().toString());
    }

    /** True while the autoscaler is paused (from the dashboard): cycles observe and decide but carry nothing out. */
    public boolean paused() {
        return settings.get(PAUSED).map(Boolean::parseBoolean).orElse(false);
    }

    public void pause(boolean paused) {
        settings.put(PAUSED, paused ? "true" : null);
    }

    /** The reason a roll to {@code version} was halted, if it was. A new target version resumes rolling. */
    public Optional<String> haltedUpgrade(String version) {
        String prefix = version + " ";
        return settings.get(HALTED_UPGRADE).filter(v -> v.startsWith(prefix)).map(v -> v.substring(prefix.length()));
    }

    public void haltUpgrade(String version, String reason) {
        settings.put(HALTED_UPGRADE, clip(version + " " + reason));
    }

    private static String clip(String s) {
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 3) + "...";
    }
}
