package io.antfleet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The MariaDB server the tests use: {@code ANTFLEET_TEST_MARIADB_URL} when set, else the URL that
 * {@code bin/setup-host --mariadb} keeps in a 0600 file ({@code ANTFLEET_TEST_MARIADB_FILE}, by default
 * {@code ~/.config/antfleet/test-mariadb.url}). Its user may create only databases named {@code antfleet_test...},
 * so every test database is named so ({@link #freshName}).
 */
public final class TestMariaDb {
    static final String URL_ENV = "ANTFLEET_TEST_MARIADB_URL";
    static final String FILE_ENV = "ANTFLEET_TEST_MARIADB_FILE";

    private TestMariaDb() {
    }

    /** A new database name {@code antfleet_test_<kind>_<label>_<random>}, which the test user may create. */
    public static String freshName(String kind, String label) {
        return "antfleet_test_" + kind + "_" + label.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The URL of {@code database} on the test server, with the test user's credentials. */
    public static String urlFor(String database) {
        return configuredUrl(System.getenv(), Path.of(System.getProperty("user.home")))
                .replaceFirst("^(jdbc:mariadb://[^/?]+)/?[^?]*", "$1/" + database);
    }

    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(urlFor("")); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB test server did not run '" + sql + "': " + e.getMessage()
                    + ". Start it with bin/setup-host --mariadb (or point " + URL_ENV + " at a server where the user may"
                    + " create databases named antfleet_test...)", e);
        }
    }

    static String configuredUrl(Map<String, String> env, Path home) {
        Optional<String> fromEnv = Optional.ofNullable(env.get(URL_ENV)).filter(s -> !s.isBlank());
        if (fromEnv.isPresent()) {
            return fromEnv.get().strip();
        }
        Path file = Optional.ofNullable(env.get(FILE_ENV)).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                        .orElse(home.resolve(".config")).resolve("antfleet").resolve("test-mariadb.url"));
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("no MariaDB test URL: " + URL_ENV + " is unset and " + file
                    + " cannot be read (" + e + "). bin/setup-host --mariadb writes it.", e);
        }
    }
}
