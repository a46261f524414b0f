package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the store lives: a JDBC URL with its credentials and dialect, parsed and validated once.
 * Credentials of a MariaDB URL stay in the URL (Connector/J reads them from there) and are copied
 * out so they can be masked when printed.
 */
public record Database(String url, Optional<String> user, Optional<String> password, Dialect dialect) {
    /**
     * Options every H2 database gets: MariaDB compatibility, lower-case names as MariaDB has them, and no
     * close by H2's own shutdown hook: that hook would race antfleet's (`run` releases its lease on SIGTERM),
     * so antfleet closes the database itself, last ({@link StoreConnection#disconnect()}).
     */
    static final String H2_OPTIONS = ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE";
    /** H2's INIT setting, in any case and spacing H2 accepts. */
    private static final Pattern H2_INIT = Pattern.compile("(?i);\\s*INIT\\s*=");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;]password=[^&;]");
    private static final String MARIADB_FORM = "jdbc:mariadb://HOST[:PORT]/DATABASE?user=USER&password=PASSWORD";

    public Database {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(dialect, "dialect is null");
    }

    /** Parses a user-given URL: {@code jdbc:mariadb://...} or an H2 URL ({@code jdbc:h2:...}). */
    public static Database parse(String url) {
        requireNonNull(url, "url is null");
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:mariadb:")) {
            return parseMariaDb(trimmed);
        }
        if (trimmed.startsWith("jdbc:h2:")) {
            if (H2_INIT.matcher(trimmed).find()) {
                throw new StoreException("refused database URL '" + mask(trimmed) + "': H2's INIT= runs SQL (and through it"
                        + " Java code) on every connection; create the database with `antfleet db migrate` instead");
            }
            return h2(trimmed + (trimmed.toUpperCase().contains(";MODE=") ? "" : H2_OPTIONS));
        }
        if (trimmed.startsWith("jdbc:mysql:")) {
            throw new StoreException("unsupported database URL '" + mask(trimmed)
                    + "': antfleet talks to MariaDB through Connector/J; write it as " + MARIADB_FORM);
        }
        throw new StoreException("unsupported database URL '" + mask(trimmed) + "': expected " + MARIADB_FORM
                + " (or leave --db and ANTFLEET_DB unset for the embedded database)");
    }

    /** The embedded file database {@code <dir>/antfleet} (files antfleet.mv.db and so on). */
    public static Database embedded(Path dir) {
        requireNonNull(dir, "dir is null");
        return h2("jdbc:h2:file:" + dir.toAbsolutePath().resolve("antfleet") + H2_OPTIONS);
    }

    /**
     * A private in-memory database that lives until the store is closed: for tests. Each name is
     * its own database.
     */
    public static Database inMemory(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new StoreException("invalid in-memory database name '" + name + "' (letters, digits and _ only)");
        }
        return h2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS);
    }

    private static Database h2(String url) {
        return new Database(url, Optional.of("sa"), Optional.of(""), Dialect.H2);
    }

    private static Database parseMariaDb(String url) {
        URI uri;
        try {
            uri = new URI(url.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            throw new StoreException("invalid database URL '" + mask(url) + "': " + e.getReason()
                    + "; expected " + MARIADB_FORM, e);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new StoreException("invalid database URL '" + mask(url) + "': no host; expected " + MARIADB_FORM);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (!DATABASE_NAME.matcher(path).matches()) {
            throw new StoreException("invalid database URL '" + mask(url) + "': '" + path
                    + "' is not a database name; expected " + MARIADB_FORM);
        }
        return new Database(url, query(uri, "user"), query(uri, "password"), Dialect.MARIADB);
    }

    private static Optional<String> query(URI uri, String key) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals(key)) {
                return Optional.of(URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** This database with {@code password} when its URL names none (see {@link DbPassword}). */
    public Database withPasswordIfAbsent(Optional<String> password) {
        requireNonNull(password, "password is null");
        if (this.password.isPresent() || password.isEmpty() || dialect != Dialect.MARIADB) {
            return this;
        }
        return new Database(url, user, password, dialect);
    }

    /** True when a password is written in {@code url} itself. */
    public static boolean hasPassword(String url) {
        return PASSWORD_IN_URL.matcher(url).find();
    }

    /** The URL with any password replaced by {@code ***}, safe to print. */
    public String displayUrl() {
        return mask(url);
    }

    static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Keeps the password out of anything that prints this record. */
    @Override
    public String toString() {
        return "Database[" + displayUrl() + ", " + dialect + "]";
    }

    /** The SQL dialects antfleet supports. */
    public enum Dialect {
        H2,
        MARIADB
    }
}
