package io.antfleet.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the embedded database lives: {@code $XDG_DATA_HOME/antfleet}, by default
 * {@code ~/.local/share/antfleet}. The system property {@value #PROPERTY} overrides the data home,
 * because tests cannot set environment variables from Java.
 */
public final class DataHome {
    public static final String PROPERTY = "antfleet.data.home";

    private DataHome() {
    }

    /** The antfleet directory for this process's environment and system properties. */
    public static Path antfleetDir() {
        return antfleetDir(System.getenv(), Optional.ofNullable(System.getProperty(PROPERTY)), System.getProperty("user.home"));
    }

    static Path antfleetDir(Map<String, String> env, Optional<String> override, String userHome) {
        Optional<String> xdg = Optional.ofNullable(env.get("XDG_DATA_HOME")).filter(s -> !s.isBlank())
                // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
                .filter(s -> Path.of(s).isAbsolute());
        Path dataHome = override.filter(s -> !s.isBlank()).map(Path::of)
                .or(() -> xdg.map(Path::of))
                .orElseGet(() -> Path.of(userHome, ".local", "share"));
        return dataHome.resolve("antfleet");
    }
}
