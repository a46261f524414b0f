package io.antfleet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The database password when the URL carries none, from where other local users cannot read it (a URL on
 * the command line shows in {@code ps}): the file of {@code --db-password-file}, else the file named by
 * {@code ANTFLEET_DB_PASSWORD_FILE}, else {@code ANTFLEET_DB_PASSWORD}. A file's first line is the password.
 */
public final class DbPassword {
    public static final String FILE_ENV = "ANTFLEET_DB_PASSWORD_FILE";
    public static final String ENV = "ANTFLEET_DB_PASSWORD";

    private DbPassword() {
    }

    public static Optional<String> resolve(Optional<Path> file, Map<String, String> env) {
        Optional<Path> named = file.or(() -> Optional.ofNullable(env.get(FILE_ENV)).filter(s -> !s.isBlank()).map(Path::of));
        if (named.isPresent()) {
            return Optional.of(read(named.get()));
        }
        return Optional.ofNullable(env.get(ENV)).filter(s -> !s.isEmpty());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new StoreException("cannot read the database password file " + file + ": " + e.getMessage(), e);
        }
    }
}
