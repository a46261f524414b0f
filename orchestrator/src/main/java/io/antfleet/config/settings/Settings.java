package io.antfleet.config.settings;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolved, typed global settings and where each came from. Settings without a value are absent. */
public final class Settings {
    private final Map<Setting, Object> values;
    private final Map<Setting, SettingOrigin> origins;
    private final List<String> ignored;

    Settings(Map<Setting, Object> values, Map<Setting, SettingOrigin> origins, List<String> ignored) {
        this.ignored = List.copyOf(requireNonNull(ignored, "ignored is null"));
        this.values = Collections.unmodifiableMap(new EnumMap<>(requireNonNull(values, "values is null")));
        this.origins = Collections.unmodifiableMap(new EnumMap<>(requireNonNull(origins, "origins is null")));
    }

    public <T> Optional<T> get(Setting setting, Class<T> type) {
        return Optional.ofNullable(values.get(setting)).map(type::cast);
    }

    private <T> T required(Setting setting, Class<T> type) {
        return get(setting, type).orElseThrow(() -> new IllegalStateException(setting.key() + " has no value and no default"));
    }

    public int integer(Setting setting) {
        return required(setting, Integer.class);
    }

    public long bytesPerSecond(Setting setting) {
        return required(setting, Long.class);
    }

    public Duration duration(Setting setting) {
        return required(setting, Duration.class);
    }

    /** One warning per retired wnm setting that was given, naming where and why it is ignored. */
    public List<String> ignored() {
        return ignored;
    }

    public Optional<SettingOrigin> origin(Setting setting) {
        return Optional.ofNullable(origins.get(setting));
    }
}
