package io.antfleet.engine.run;

import io.antfleet.store.MachineSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The machine table in memory, refusing the names the real one refuses (MyBatisMachineSettings). */
public final class MemorySettings implements MachineSettings {
    private final Map<String, String> values = new TreeMap<>();

    @Override
    public synchronized Map<String, String> all() {
        return Map.copyOf(values);
    }

    @Override
    public synchronized Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public synchronized void put(String name, String value) {
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("invalid setting name '" + name + "' (lower-case letters, digits and _)");
        }
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    @Override
    public Duration readingRetention() {
        return Duration.ofDays(7);
    }
}
