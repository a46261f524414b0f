package io.antfleet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * {@code dir}, created when missing with mode 0700 and tightened to it when it is looser: the database in
     * it holds wallets, settings and the journal, which other local users have no business reading.
     */
    public static Path createPrivate(Path dir) {
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        try {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            if (Files.notExists(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(owner));
            }
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            if (view != null && !owner.containsAll(view.readAttributes().permissions())) {
                view.setPermissions(owner);
            }
            return dir;
        } catch (IOException e) {
            throw new StoreException("cannot create the database directory " + dir + ": " + e.getMessage(), e);
        }
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
